//! Command-line flags: `--name value` or `--name=value`, nothing else.

use crate::Result;

/// Parses `--name value` / `--name=value` flags; any other argument is an error.
pub(crate) fn flags(args: &[String], names: &[&str]) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if let Some(name) = names.iter().find(|n| a == *n) {
            let v = args.get(i + 1).ok_or(format!("{name} needs a value"))?;
            out.push((name.to_string(), v.clone()));
            i += 2;
            continue;
        }
        match names
            .iter()
            .find_map(|n| a.strip_prefix(&format!("{n}=")).map(|v| (n, v)))
        {
            Some((name, v)) => out.push((name.to_string(), v.to_string())),
            None => return Err(format!("unknown argument `{a}`\n\n{}", crate::USAGE)),
        }
        i += 1;
    }
    Ok(out)
}

/// The value of one flag (the last one given).
pub(crate) fn flag_of(parsed: &[(String, String)], name: &str) -> Option<String> {
    parsed
        .iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

pub(crate) fn flag_value(args: &[String], name: &str) -> Result<Option<String>> {
    Ok(flag_of(&flags(args, &[name])?, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            flag_value(&a(&["--port", "9000"]), "--port")
                .unwrap()
                .as_deref(),
            Some("9000")
        );
        assert_eq!(
            flag_value(&a(&["--port=9001"]), "--port")
                .unwrap()
                .as_deref(),
            Some("9001")
        );
        assert_eq!(flag_value(&a(&[]), "--port").unwrap(), None);
        assert!(flag_value(&a(&["--nope"]), "--port").is_err());
        assert!(flag_value(&a(&["--port"]), "--port").is_err());
    }
}
