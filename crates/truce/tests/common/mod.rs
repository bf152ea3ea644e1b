//! Helpers shared by the integration tests: running the built binary, the
//! repository's paths, and a small JSON Schema validator for the subset of
//! draft 2020-12 that `schema/report.schema.json` uses.
#![allow(dead_code)]

use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("examples/reports"))
        .expect("examples/reports")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// `truce extract FILE` on every example report, run once per test binary
/// (each run builds an extractor, which takes a while in debug builds).
pub fn example_runs() -> &'static [(PathBuf, Run)] {
    static RUNS: OnceLock<Vec<(PathBuf, Run)>> = OnceLock::new();
    RUNS.get_or_init(|| {
        std::thread::scope(|scope| {
            let handles: Vec<_> = examples()
                .into_iter()
                .map(|file| {
                    scope.spawn(move || {
                        let run = truce(&["extract", file.to_str().expect("UTF-8 path")], b"");
                        (file, run)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("example run"))
                .collect()
        })
    })
}

/// A scratch file under the target directory.
pub fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("truce-cli-tests");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write scratch file");
    path
}

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    }
}

/// Run `truce` with `args`, feeding `stdin`.
pub fn truce(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_truce"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run truce");
    let mut input = child.stdin.take().expect("stdin");
    // The binary may exit before reading everything (e.g. a bad option).
    let _ = input.write_all(stdin);
    drop(input);
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("wait for truce");
    Run {
        code: status.code(),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

pub fn schema() -> Value {
    let text = std::fs::read_to_string(repo().join("schema/report.schema.json")).expect("schema");
    serde_json::from_str(&text).expect("schema is JSON")
}

/// Keywords the validator enforces, and annotations it may ignore.
const ENFORCED: &[&str] = &[
    "$ref",
    "$defs",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "minimum",
    "maximum",
    "minItems",
];
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "examples",
];

/// Every keyword of `schema` (recursively) is one the validator knows, so
/// nothing in the schema goes unchecked.
pub fn check_subset(schema: &Value, at: &str) -> Result<(), String> {
    let Value::Object(map) = schema else {
        return Err(format!("{at}: a schema must be an object"));
    };
    for (key, value) in map {
        let here = format!("{at}/{key}");
        match key.as_str() {
            "properties" | "$defs" => {
                let Value::Object(children) = value else {
                    return Err(format!("{here}: must be an object"));
                };
                for (name, child) in children {
                    check_subset(child, &format!("{here}/{name}"))?;
                }
            }
            "items" => check_subset(value, &here)?,
            "additionalProperties" if value.is_object() => check_subset(value, &here)?,
            "$ref" => {
                let target = value.as_str().unwrap_or_default();
                if !target.starts_with("#/$defs/") {
                    return Err(format!(
                        "{here}: only local #/$defs/ references are supported"
                    ));
                }
            }
            k if ENFORCED.contains(&k) || ANNOTATIONS.contains(&k) => {}
            k => {
                return Err(format!(
                    "{here}: keyword {k:?} is not supported by the test validator"
                ));
            }
        }
    }
    Ok(())
}

/// Validates instances; records which declared properties were exercised.
pub struct Validator<'a> {
    root: &'a Value,
    pub seen: BTreeSet<String>,
}

impl<'a> Validator<'a> {
    pub fn new(root: &'a Value) -> Self {
        Self {
            root,
            seen: BTreeSet::new(),
        }
    }

    /// Every error, as `instance path: problem`.
    pub fn validate(&mut self, value: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(self.root, "#", value, "$", &mut errors);
        errors
    }

    /// Pointers of every property the schema declares (`#/$defs/Claim/properties/kind`).
    pub fn declared(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        collect_properties(self.root, "#", &mut out);
        out
    }

    fn check(
        &mut self,
        schema: &Value,
        at: &str,
        value: &Value,
        path: &str,
        errors: &mut Vec<String>,
    ) {
        let Value::Object(s) = schema else { return };
        let mut fail = |problem: String| errors.push(format!("{path}: {problem}"));
        if let Some(Value::String(target)) = s.get("$ref") {
            let name = target.trim_start_matches("#/$defs/");
            match self.root.get("$defs").and_then(|d| d.get(name)) {
                Some(def) => {
                    let def_at = format!("#/$defs/{name}");
                    self.check(def, &def_at, value, path, errors);
                }
                None => errors.push(format!("{path}: unresolved $ref {target}")),
            }
            return self.check_rest(s, at, value, path, errors);
        }
        if let Some(types) = s.get("type") {
            let names: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if !names.iter().any(|t| has_type(value, t)) {
                fail(format!(
                    "expected {}, found {}",
                    names.join(" or "),
                    short(value)
                ));
                return;
            }
        }
        self.check_rest(s, at, value, path, errors);
    }

    fn check_rest(
        &mut self,
        s: &serde_json::Map<String, Value>,
        at: &str,
        value: &Value,
        path: &str,
        errors: &mut Vec<String>,
    ) {
        if let Some(Value::Array(options)) = s.get("enum")
            && !options.contains(value)
        {
            errors.push(format!(
                "{path}: {} is not one of the allowed values",
                short(value)
            ));
        }
        if let Some(expected) = s.get("const")
            && expected != value
        {
            errors.push(format!("{path}: {} is not {expected}", short(value)));
        }
        if let Some(n) = value.as_f64() {
            if let Some(min) = s.get("minimum").and_then(Value::as_f64)
                && n < min
            {
                errors.push(format!("{path}: {n} is below the minimum {min}"));
            }
            if let Some(max) = s.get("maximum").and_then(Value::as_f64)
                && n > max
            {
                errors.push(format!("{path}: {n} is above the maximum {max}"));
            }
        }
        if let Value::Array(items) = value {
            if let Some(min) = s.get("minItems").and_then(Value::as_u64)
                && (items.len() as u64) < min
            {
                errors.push(format!("{path}: {} item(s), fewer than {min}", items.len()));
            }
            if let Some(item_schema) = s.get("items") {
                for (i, item) in items.iter().enumerate() {
                    self.check(
                        item_schema,
                        &format!("{at}/items"),
                        item,
                        &format!("{path}[{i}]"),
                        errors,
                    );
                }
            }
        }
        if let Value::Object(fields) = value {
            if let Some(Value::Array(required)) = s.get("required") {
                for name in required.iter().filter_map(Value::as_str) {
                    if !fields.contains_key(name) {
                        errors.push(format!("{path}: missing required property {name:?}"));
                    }
                }
            }
            let props = s.get("properties").and_then(Value::as_object);
            for (name, field) in fields {
                let child_path = format!("{path}.{name}");
                match props.and_then(|p| p.get(name)) {
                    Some(prop_schema) => {
                        let prop_at = format!("{at}/properties/{name}");
                        self.seen.insert(prop_at.clone());
                        self.check(prop_schema, &prop_at, field, &child_path, errors);
                    }
                    None => match s.get("additionalProperties") {
                        Some(Value::Bool(false)) => {
                            errors.push(format!("{path}: property {name:?} is not allowed"));
                        }
                        Some(extra @ Value::Object(_)) => {
                            let extra_at = format!("{at}/additionalProperties");
                            self.check(extra, &extra_at, field, &child_path, errors);
                        }
                        _ => {}
                    },
                }
            }
        }
    }
}

fn collect_properties(schema: &Value, at: &str, out: &mut BTreeSet<String>) {
    let Value::Object(map) = schema else { return };
    for key in ["properties", "$defs"] {
        if let Some(Value::Object(children)) = map.get(key) {
            for (name, child) in children {
                let here = format!("{at}/{key}/{name}");
                if key == "properties" {
                    out.insert(here.clone());
                }
                collect_properties(child, &here, out);
            }
        }
    }
    if let Some(items) = map.get("items") {
        collect_properties(items, &format!("{at}/items"), out);
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        _ => false,
    }
}

fn short(value: &Value) -> String {
    let s = value.to_string();
    if s.len() > 60 {
        format!("{}...", &s[..s.floor_char_boundary(57)])
    } else {
        s
    }
}
