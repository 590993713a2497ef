//! `rapport`: runs the Rapport engine on a note or a batch of templates.
//!
//! ```text
//! rapport check "Hi Sarah, I enjoyed your talk..." --name "Sarah Chen"
//! echo "I'd like to add you to my professional network." | rapport check --json
//! rapport check --jsonl < templates.jsonl
//! ```
//! Exit code: 0 no errors found, 1 a note has an error-level finding, 2 bad input or usage.

// The CLI is native only; wasm builds (e.g. `cargo test --target wasm32-unknown-unknown`) get an empty main.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{self, BufRead, Read, Write};
    use std::process::ExitCode;

    use clap::{Args, Parser, Subcommand};
    use rapport::{analyze, Context, Kind, Recipient, Report, Severity};
    use serde::Deserialize;

    #[derive(Parser)]
    #[command(
        name = "rapport",
        version,
        about = "Scores LinkedIn connection notes and suggests edits"
    )]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Check a note (TEXT, or standard input when TEXT is absent).
        Check(CheckArgs),
    }

    #[derive(Args)]
    struct CheckArgs {
        /// The note. Read from standard input when absent.
        text: Option<String>,
        /// Print the report as JSON.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Read JSON lines `{"text", "recipient": {"name", "headline", "company"}, "limit"}`
        /// from standard input and write one JSON report per line.
        #[arg(long)]
        jsonl: bool,
        /// Character limit: 200 (free account) or 300 (Premium).
        #[arg(long, default_value_t = rapport::DEFAULT_LIMIT)]
        limit: usize,
        /// The recipient's full name.
        #[arg(long)]
        name: Option<String>,
        /// The recipient's headline.
        #[arg(long)]
        headline: Option<String>,
        /// The recipient's company.
        #[arg(long)]
        company: Option<String>,
        /// A message to an existing connection instead of an invitation note.
        #[arg(long)]
        message: bool,
        /// The language the note is expected in (ISO 639-1, e.g. "fr"): a hint for
        /// notes whose words alone do not tell.
        #[arg(long)]
        lang: Option<String>,
    }

    /// One line of `--jsonl` input.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Line {
        text: String,
        #[serde(default)]
        recipient: Option<Recipient>,
        #[serde(default)]
        limit: Option<usize>,
        #[serde(default)]
        kind: Option<Kind>,
        #[serde(default)]
        language: Option<String>,
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let Command::Check(args) = cli.command;
        let result = if args.jsonl {
            check_jsonl(&args)
        } else {
            check_one(&args)
        };
        match result {
            Ok(code) => code,
            Err(message) => {
                eprintln!("rapport: {message}");
                ExitCode::from(2)
            }
        }
    }

    fn context(args: &CheckArgs) -> Context {
        Context {
            recipient: Recipient {
                name: args.name.clone(),
                headline: args.headline.clone(),
                company: args.company.clone(),
            },
            limit: args.limit,
            kind: if args.message {
                Kind::Message
            } else {
                Kind::Invitation
            },
            disabled: Vec::new(),
            language: args.lang.clone(),
        }
    }

    fn check_one(args: &CheckArgs) -> Result<ExitCode, String> {
        let text = match &args.text {
            Some(t) => t.clone(),
            None => {
                let mut bytes = Vec::new();
                io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("cannot read standard input: {e}"))?;
                let text = String::from_utf8(bytes).map_err(|e| {
                    format!(
                        "standard input is not valid UTF-8 (first bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    )
                })?;
                // A trailing newline from `echo` or an editor is not part of the note.
                text.strip_suffix('\n')
                    .map(|t| t.strip_suffix('\r').unwrap_or(t))
                    .unwrap_or(&text)
                    .to_string()
            }
        };
        if text.trim().is_empty() {
            return Err("the note is empty: pass TEXT or pipe a note on standard input".into());
        }
        let report = analyze(&text, &context(args));
        let mut out = io::stdout().lock();
        if args.json {
            let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            writeln!(out, "{json}").map_err(|e| e.to_string())?;
        } else {
            write!(out, "{}", render(&text, &report)).map_err(|e| e.to_string())?;
        }
        Ok(exit_for(report.has_errors()))
    }

    fn exit_for(errors: bool) -> ExitCode {
        if errors {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    fn check_jsonl(args: &CheckArgs) -> Result<ExitCode, String> {
        let defaults = context(args);
        let stdin = io::stdin().lock();
        let mut out = io::BufWriter::new(io::stdout().lock());
        let (mut any_errors, mut bad_lines, mut lines) = (false, 0usize, 0usize);
        for (i, line) in stdin.split(b'\n').enumerate() {
            let n = i + 1;
            let bytes = line.map_err(|e| format!("cannot read standard input: {e}"))?;
            let parsed = String::from_utf8(bytes)
                .map_err(|e| {
                    format!(
                        "line {n}: not valid UTF-8 (byte {})",
                        e.utf8_error().valid_up_to()
                    )
                })
                .and_then(|s| {
                    let s = s.trim();
                    if s.is_empty() {
                        return Ok(None);
                    }
                    serde_json::from_str::<Line>(s)
                        .map(Some)
                        .map_err(|e| format!("line {n}: invalid JSON: {e}"))
                });
            let json = match parsed {
                Ok(None) => continue,
                Ok(Some(l)) => {
                    lines += 1;
                    let ctx = Context {
                        recipient: l.recipient.unwrap_or_else(|| defaults.recipient.clone()),
                        limit: l.limit.unwrap_or(defaults.limit),
                        kind: l.kind.unwrap_or(defaults.kind),
                        disabled: Vec::new(),
                        language: l.language.or_else(|| defaults.language.clone()),
                    };
                    let report = analyze(&l.text, &ctx);
                    any_errors |= report.has_errors();
                    serde_json::to_string(&report).map_err(|e| e.to_string())?
                }
                Err(message) => {
                    lines += 1;
                    bad_lines += 1;
                    eprintln!("rapport: {message}");
                    serde_json::json!({ "line": n, "error": message }).to_string()
                }
            };
            writeln!(out, "{json}").map_err(|e| e.to_string())?;
        }
        out.flush().map_err(|e| e.to_string())?;
        if lines == 0 {
            return Err(
                "no input: --jsonl reads one JSON object per line on standard input".into(),
            );
        }
        if bad_lines > 0 {
            return Ok(ExitCode::from(2));
        }
        Ok(exit_for(any_errors))
    }

    /// The human-readable report.
    fn render(text: &str, report: &Report) -> String {
        let mut s = String::new();
        let over = if report.length > report.limit {
            "  OVER THE LIMIT"
        } else {
            ""
        };
        match report.score {
            Some(score) => {
                s += &format!(
                    "Score {score}/100   {} of {} characters{over}\n\n",
                    report.length, report.limit
                );
            }
            None => {
                s += &format!(
                    "Not scored: {} ({}) is not checked yet   {} of {} characters{over}\n\n",
                    rapport::lang::detect::name(&report.language),
                    report.language,
                    report.length,
                    report.limit
                );
                s += "  Rapport scores English notes for now. Still checked in any language: the\n  limit, template fields, links, contact details and the recipient's name.\n";
            }
        }
        if let Some(rule) = &report.capped_by {
            s += &format!("(held down by {rule}: fix it first)\n\n");
        }
        for c in &report.categories {
            let filled = usize::from(c.score) * 10 / usize::from(c.max.max(1));
            s += &format!(
                "  {:<18} {:>2}/{:<2} {}{}\n",
                c.label,
                c.score,
                c.max,
                "█".repeat(filled),
                "░".repeat(10 - filled)
            );
        }
        if report.findings.is_empty() {
            s += if report.supported {
                "\nNo findings. Send it.\n"
            } else {
                "\nNo findings in what is checked.\n"
            };
            return s;
        }
        s += "\n";
        let units: Vec<u16> = text.encode_utf16().collect();
        for f in &report.findings {
            let label = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Suggestion => "suggestion",
            };
            let quoted =
                String::from_utf16_lossy(&units[f.start.min(units.len())..f.end.min(units.len())]);
            let at = if f.start == f.end {
                format!("at {}", f.start)
            } else {
                format!("“{}”", ellipsize(&quoted, 60))
            };
            let worth = if f.points > 0 {
                format!("+{:<3}", f.points)
            } else {
                "    ".to_string()
            };
            s += &format!("{label:<10} {worth} {:<22} {at}\n", f.rule);
            s += &format!("                {}\n", f.message);
            match f.replacement.as_deref() {
                Some("") => s += "                fix: remove it\n",
                Some(r) if f.start == f.end => {
                    s += &format!("                fix: insert “{}”\n", ellipsize(r, 80))
                }
                Some(r) => {
                    s += &format!("                fix: replace with “{}”\n", ellipsize(r, 80))
                }
                None => {}
            }
        }
        if report.truncated {
            s += "\n(The note is very long: only its start was analysed.)\n";
        }
        s
    }

    fn ellipsize(s: &str, max: usize) -> String {
        let one_line = s.replace('\n', " ");
        if one_line.chars().count() <= max {
            one_line
        } else {
            let cut: String = one_line.chars().take(max - 1).collect();
            format!("{cut}…")
        }
    }
}
