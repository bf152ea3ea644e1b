//! The checks every input text passes before extraction: not empty, not
//! binary, UTF-8; and sizes for messages.

use std::fmt;

/// The largest input read as one report. JSON Lines input has no overall
/// limit; each line is held to the same limit.
pub const MAX_REPORT_BYTES: u64 = 32 * 1024 * 1024;

/// Why some bytes are not a text we can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    Binary,
    NotUtf8 { offset: usize },
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::Empty => f.write_str("empty input"),
            TextProblem::Binary => f.write_str("looks like binary data"),
            TextProblem::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text (invalid byte at offset {offset})")
            }
        }
    }
}

/// The bytes as text, or why they are not one.
pub fn check_text(bytes: &[u8]) -> Result<&str, TextProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(TextProblem::Empty);
    }
    if looks_binary(bytes) {
        return Err(TextProblem::Binary);
    }
    std::str::from_utf8(bytes).map_err(|e| TextProblem::NotUtf8 {
        offset: e.valid_up_to(),
    })
}

/// NUL bytes anywhere, or more than one control character in ten in the
/// first 64 KiB (tab, newline, carriage return and form feed are text).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    control * 10 > sample.len()
}

/// `1536` → `1.5 KiB`; whole numbers lose their decimals (`32 MiB`).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_checks() {
        assert_eq!(check_text(b""), Err(TextProblem::Empty));
        assert_eq!(check_text(b" \n\t"), Err(TextProblem::Empty));
        assert_eq!(check_text(b"abc\0def"), Err(TextProblem::Binary));
        assert_eq!(check_text(b"\x01\x02\x03abc"), Err(TextProblem::Binary));
        assert_eq!(
            check_text(b"caf\xc3\xa9 \xff ok"),
            Err(TextProblem::NotUtf8 { offset: 6 })
        );
        assert_eq!(
            check_text("Truce in Lattakia.\r\n".as_bytes()),
            Ok("Truce in Lattakia.\r\n")
        );
        assert_eq!(
            TextProblem::NotUtf8 { offset: 6 }.to_string(),
            "not UTF-8 text (invalid byte at offset 6)"
        );
    }

    #[test]
    fn sizes() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(MAX_REPORT_BYTES), "32 MiB");
        assert_eq!(human_size(200 * 1024 * 1024), "200 MiB");
    }
}
