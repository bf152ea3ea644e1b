//! A small RFC 4180 reader: comma-separated fields, double-quoted fields
//! with doubled quotes and embedded line breaks, CRLF or LF line ends, an
//! optional byte-order mark.

/// One record and the line it starts on (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A malformed input: the line and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub message: String,
}

/// Every record of `text`, header included. Blank lines are skipped.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut quoted = false;
    // the current field was quoted and its closing quote seen
    let mut closed = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    closed = true;
                }
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !closed => quoted = true,
            '"' => {
                return Err(CsvError {
                    line,
                    message: "a quote inside an unquoted field".into(),
                });
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                closed = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if !(fields.is_empty() && field.is_empty() && !closed) {
                    fields.push(std::mem::take(&mut field));
                    records.push(Record {
                        line: start_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                closed = false;
                line += 1;
                start_line = line;
            }
            _ if closed => {
                return Err(CsvError {
                    line,
                    message: "text after a closing quote".into(),
                });
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError {
            line: start_line,
            message: "a quoted field is not closed".into(),
        });
    }
    if !(fields.is_empty() && field.is_empty() && !closed) {
        fields.push(field);
        records.push(Record {
            line: start_line,
            fields,
        });
    }
    Ok(records)
}

/// Records with named columns.
#[derive(Debug)]
pub struct Table {
    header: Vec<String>,
    pub rows: Vec<Record>,
}

impl Table {
    /// Parse `text`; the first record is the header.
    pub fn parse(text: &str) -> Result<Table, CsvError> {
        let mut records = parse(text)?.into_iter();
        let header = records.next().map(|r| r.fields).unwrap_or_default();
        Ok(Table {
            header,
            rows: records.collect(),
        })
    }

    /// Index of the column named `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h.trim() == name)
    }

    /// Parse the CSV file named `source`, with errors that name it.
    pub fn parse_source(text: &str, source: &str) -> Result<Table, crate::EvalError> {
        Table::parse(text).map_err(|e| crate::EvalError::Csv {
            source_name: source.to_owned(),
            line: e.line,
            message: e.message,
        })
    }

    /// The index of column `name`, or an error naming the file and column.
    pub fn require(&self, name: &str, source: &str) -> Result<usize, crate::EvalError> {
        self.column(name)
            .ok_or_else(|| crate::EvalError::MissingColumn {
                source_name: source.to_owned(),
                column: name.to_owned(),
            })
    }
}

/// Field `i` of a record, or "" when the record is short.
pub fn field(r: &Record, i: usize) -> &str {
    r.fields.get(i).map_or("", String::as_str)
}

/// Decode the HTML character references some scraped fields carry
/// ("&#8217;", "&#x2019;", "&amp;", "&quot;"): the UCDP headline column
/// stores part of its headlines HTML-escaped. Anything else, including a
/// bare "&", is kept as written.
pub fn unescape_html(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let decoded = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &tail[1..end];
            let c = match name {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_breaks() {
        let text = "\u{feff}a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n\n4,,\"\"\n";
        let rows = parse(text).expect("parses");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].fields, ["1", "x, \"y\"\nz", "3"]);
        assert_eq!(rows[1].line, 2);
        assert_eq!(rows[2].fields, ["4", "", ""]);
        assert_eq!(rows[2].line, 5);
    }

    #[test]
    fn last_line_without_newline_and_errors() {
        let rows = parse("a,b\n1,2").expect("parses");
        assert_eq!(rows[1].fields, ["1", "2"]);
        assert!(parse("a,\"b\n").is_err());
        assert!(parse("a,b\"c\n").is_err());
        let t = Table::parse("x,y\n1,2\n").expect("parses");
        assert_eq!(t.column("y"), Some(1));
        assert_eq!(field(&t.rows[0], 5), "");
    }

    #[test]
    fn html_references() {
        assert_eq!(unescape_html("plain"), "plain");
        assert_eq!(
            unescape_html("Wa&#8217;er &amp; Homs"),
            "Wa\u{2019}er & Homs"
        );
        assert_eq!(unescape_html("&#x201C;IS&#x201D;"), "\u{201C}IS\u{201D}");
        assert_eq!(unescape_html("A & B &bogus; &#zz;"), "A & B &bogus; &#zz;");
    }
}
