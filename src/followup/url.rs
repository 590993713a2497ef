//! Profile URL normalisation: every form of a LinkedIn profile link becomes one key,
//! `linkedin.com/in/<slug>` (slug lower case and percent-decoded).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a URL is not accepted as a profile address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UrlError {
    /// Nothing was given.
    Empty,
    /// The host is not linkedin.com or one of its subdomains.
    NotLinkedIn { host: String },
    /// A LinkedIn page that is not a person's profile (company, feed, search...).
    NotAProfile { path: String },
    /// A Sales Navigator lead or people link: its id is not the public profile name.
    SalesNavigator,
    /// An `/in/ACoAA...` link: LinkedIn's internal, case-sensitive member id.
    MemberId,
    /// An old `/pub/` link whose id part cannot be converted.
    LegacyPub { path: String },
    /// The profile name has characters a LinkedIn profile name cannot have.
    BadSlug { slug: String },
    /// The URL names another person than the stored contact it was recorded onto.
    KeyMismatch { expected: String, found: String },
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Empty => write!(f, "no profile URL given"),
            UrlError::NotLinkedIn { host } => {
                write!(f, "not a LinkedIn address (host \"{host}\")")
            }
            UrlError::NotAProfile { path } => write!(
                f,
                "not a LinkedIn profile page (\"{path}\"); expected linkedin.com/in/<name>"
            ),
            UrlError::SalesNavigator => write!(
                f,
                "a Sales Navigator link does not contain the public profile name; \
                 open the person's LinkedIn profile (linkedin.com/in/...) instead"
            ),
            UrlError::MemberId => write!(
                f,
                "this link uses LinkedIn's internal member id, not the public profile name; \
                 use the profile's own address (its canonical link)"
            ),
            UrlError::LegacyPub { path } => write!(
                f,
                "old-style /pub/ link that cannot be converted (\"{path}\"); \
                 open the profile and use its current address"
            ),
            UrlError::BadSlug { slug } => {
                write!(f, "\"{slug}\" is not a valid LinkedIn profile name")
            }
            UrlError::KeyMismatch { expected, found } => write!(
                f,
                "the invitation is for {found}, but the stored contact is {expected}"
            ),
        }
    }
}

impl std::error::Error for UrlError {}

/// The prefix of every contact key.
pub const KEY_PREFIX: &str = "linkedin.com/in/";

/// Longest profile name accepted (LinkedIn allows 3 to 100 characters).
const MAX_SLUG_CHARS: usize = 100;

/// Normalises any form of a profile link to `linkedin.com/in/<slug>`.
///
/// Accepts `http(s)://`, no scheme or a bare path (`/in/x`); any `*.linkedin.com`
/// host (`www`, `uk`, `m`); trailing parts (`/details/...`, `/en`), query and
/// fragment; `/mwlite/in/<slug>`; `/preload/custom-invite/?vanityName=<slug>`;
/// legacy `/pub/<name>/<a>/<b>/<c>` (LinkedIn redirects it to `/in/<name>-<c><b><a>`,
/// `b` and `c` zero-padded to 3). Refuses Sales Navigator and member-id links,
/// which do not carry the public name.
pub fn normalize_profile_url(url: &str) -> Result<String, UrlError> {
    let s = url.trim();
    if s.is_empty() {
        return Err(UrlError::Empty);
    }
    let rest = match s.find("://") {
        Some(i) => {
            let scheme = s[..i].to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return Err(UrlError::NotLinkedIn {
                    host: s[..i + 3].to_string(),
                });
            }
            &s[i + 3..]
        }
        None => s.strip_prefix("//").unwrap_or(s),
    };
    // Bare paths ("/in/x") are taken as relative links on linkedin.com.
    let (host, after_host) = if rest.starts_with('/') {
        ("linkedin.com".to_string(), rest)
    } else {
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        (rest[..end].to_ascii_lowercase(), &rest[end..])
    };
    check_host(&host)?;

    let (path, query) = split_path_query(after_host);
    let segments: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let lower: Vec<String> = segments.iter().map(|p| p.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let display_path = || {
        if path.is_empty() {
            "/".to_string()
        } else {
            path.to_string()
        }
    };

    let raw_slug: String = match lower.as_slice() {
        ["in", ..] | ["mwlite", "in", ..] => {
            let at = if lower[0] == "in" { 1 } else { 2 };
            match segments.get(at) {
                Some(s) => percent_decode(s)?,
                None => {
                    return Err(UrlError::NotAProfile {
                        path: display_path(),
                    })
                }
            }
        }
        ["preload", "custom-invite", ..] => match query_param(query, "vanityname") {
            Some(v) => v?,
            None => {
                return Err(UrlError::NotAProfile {
                    path: format!("{path}?{query}"),
                })
            }
        },
        ["pub", "dir", ..] => {
            return Err(UrlError::NotAProfile {
                path: display_path(),
            })
        }
        ["pub", ..] => legacy_pub(&segments).ok_or_else(|| UrlError::LegacyPub {
            path: display_path(),
        })?,
        ["sales", ..] => return Err(UrlError::SalesNavigator),
        _ => {
            return Err(UrlError::NotAProfile {
                path: display_path(),
            })
        }
    };
    slug_key(&raw_slug)
}

/// The address to open for a contact key: `https://www.linkedin.com/in/<slug>/`,
/// non-ASCII percent-encoded.
pub fn profile_url(key: &str) -> String {
    let slug = key.strip_prefix(KEY_PREFIX).unwrap_or(key);
    let mut out = String::from("https://www.linkedin.com/in/");
    for b in slug.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push('/');
    out
}

fn check_host(host: &str) -> Result<(), UrlError> {
    let bare = host.split(':').next().unwrap_or("").trim_end_matches('.');
    let ok = !host.contains('@') && (bare == "linkedin.com" || bare.ends_with(".linkedin.com"));
    if ok {
        Ok(())
    } else {
        Err(UrlError::NotLinkedIn {
            host: host.to_string(),
        })
    }
}

fn split_path_query(s: &str) -> (&str, &str) {
    let s = s.split('#').next().unwrap_or("");
    match s.split_once('?') {
        Some((p, q)) => (p, q),
        None => (s, ""),
    }
}

/// The percent-decoded value of `name` (ASCII case-insensitive) in a query string.
fn query_param(query: &str, name: &str) -> Option<Result<String, UrlError>> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        k.eq_ignore_ascii_case(name)
            .then(|| percent_decode(&v.replace('+', " ")))
    })
}

/// `/pub/<name>/<a>/<b>/<c>` to `<name>-<c><b><a>` with `b`, `c` padded to 3 hex digits.
fn legacy_pub(segments: &[&str]) -> Option<String> {
    let [_, name, a, b, c, ..] = segments else {
        return None;
    };
    let hex = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|x| x.is_ascii_hexdigit())
    };
    if !(hex(a, 3) && hex(b, 3) && hex(c, 3)) {
        return None;
    }
    let name = percent_decode(name).ok()?;
    Some(format!("{name}-{c:0>3}{b:0>3}{a}"))
}

fn percent_decode(s: &str) -> Result<String, UrlError> {
    let bad = || UrlError::BadSlug {
        slug: s.to_string(),
    };
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or_else(bad)?;
            let hex = std::str::from_utf8(hex).map_err(|_| bad())?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad())
}

/// Validates a decoded profile name and builds the key.
fn slug_key(slug: &str) -> Result<String, UrlError> {
    // Member ids ("ACoAAB1cD2...") are case-sensitive: lower-casing would destroy them.
    if (slug.starts_with("ACoAA") || slug.starts_with("ACwAA")) && slug.len() >= 20 {
        return Err(UrlError::MemberId);
    }
    let valid = !slug.is_empty()
        && slug.chars().count() <= MAX_SLUG_CHARS
        && slug
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(UrlError::BadSlug {
            slug: slug.to_string(),
        });
    }
    Ok(format!("{KEY_PREFIX}{}", lower_slug(slug)))
}

/// The slug in lower case, as `str::to_lowercase` does it, except that 'İ' (U+0130)
/// becomes a plain "i" (as in Turkish) and not "i" plus a combining dot above
/// (U+0307): that dot is not a profile-name character, so the key would not
/// normalise to itself and an export holding it could not be imported again.
fn lower_slug(slug: &str) -> String {
    crate::text::lower(slug).replace("i\u{307}", "i")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_table() {
        let ok = [
            ("https://www.linkedin.com/in/sarah-chen/", "sarah-chen"),
            ("https://www.linkedin.com/in/Sarah-Chen", "sarah-chen"),
            (
                "http://linkedin.com/in/sarah-chen?trk=abc#top",
                "sarah-chen",
            ),
            ("  www.linkedin.com/in/sarah-chen/  ", "sarah-chen"),
            ("linkedin.com/in/sarah-chen", "sarah-chen"),
            ("/in/sarah-chen/", "sarah-chen"),
            ("//www.linkedin.com/in/sarah-chen", "sarah-chen"),
            ("HTTPS://UK.LINKEDIN.COM/IN/SARAH-CHEN", "sarah-chen"),
            ("https://m.linkedin.com/in/sarah-chen", "sarah-chen"),
            ("https://www.linkedin.com:443/in/sarah-chen", "sarah-chen"),
            ("https://www.linkedin.com./in/sarah-chen", "sarah-chen"),
            (
                "https://www.linkedin.com/in/sarah-chen/details/experience/",
                "sarah-chen",
            ),
            (
                "https://www.linkedin.com/in/sarah-chen/overlay/contact-info/",
                "sarah-chen",
            ),
            ("https://de.linkedin.com/in/sarah-chen/de", "sarah-chen"),
            (
                "https://www.linkedin.com/mwlite/in/sarah-chen",
                "sarah-chen",
            ),
            ("https://www.linkedin.com/in/sarah_chen_42", "sarah_chen_42"),
            (
                "https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller/",
                "jörg-müller",
            ),
            ("https://www.linkedin.com/in/Jörg-Müller", "jörg-müller"),
            (
                "https://www.linkedin.com/preload/custom-invite/?vanityName=Sarah-Chen",
                "sarah-chen",
            ),
            (
                "https://www.linkedin.com/preload/custom-invite?foo=1&vanityname=sarah-chen#x",
                "sarah-chen",
            ),
            (
                "https://sy.linkedin.com/pub/krzysztof-marzec/a7/576/b50?trk=biz_employee_pub",
                "krzysztof-marzec-b50576a7",
            ),
            (
                "https://uk.linkedin.com/pub/abdi-ahmed/100/384/6b0",
                "abdi-ahmed-6b0384100",
            ),
            (
                "http://www.linkedin.com/pub/matt-d/4/b3/7",
                "matt-d-0070b34",
            ),
        ];
        for (url, slug) in ok {
            assert_eq!(
                normalize_profile_url(url),
                Ok(format!("linkedin.com/in/{slug}")),
                "{url}"
            );
        }
    }

    #[test]
    fn rejections_are_specific() {
        use UrlError::*;
        type Check = fn(&UrlError) -> bool;
        let cases: [(&str, Check); 14] = [
            ("", |e| *e == Empty),
            ("   ", |e| *e == Empty),
            ("https://example.com/in/sarah", |e| {
                matches!(e, NotLinkedIn { .. })
            }),
            ("https://linkedin.com.evil.io/in/sarah", |e| {
                matches!(e, NotLinkedIn { .. })
            }),
            ("https://www.linkedin.com@evil.io/in/x", |e| {
                matches!(e, NotLinkedIn { .. })
            }),
            ("javascript:alert(1)//linkedin.com/in/x", |e| {
                matches!(e, NotLinkedIn { .. })
            }),
            ("https://www.linkedin.com/company/acme/", |e| {
                matches!(e, NotAProfile { .. })
            }),
            ("https://www.linkedin.com/in/", |e| {
                matches!(e, NotAProfile { .. })
            }),
            ("https://www.linkedin.com/pub/dir/jane/doe", |e| {
                matches!(e, NotAProfile { .. })
            }),
            ("https://www.linkedin.com/preload/custom-invite/", |e| {
                matches!(e, NotAProfile { .. })
            }),
            (
                "https://www.linkedin.com/sales/lead/ACwAAAB1cD2eF3,NAME_SEARCH,VAKJ",
                |e| *e == SalesNavigator,
            ),
            ("https://www.linkedin.com/in/ACoAAB1cD2eF3gH4iJ5kL6", |e| {
                *e == MemberId
            }),
            ("https://www.linkedin.com/pub/jane-doe/xyz/1/2", |e| {
                matches!(e, LegacyPub { .. })
            }),
            ("https://www.linkedin.com/in/jane%20doe", |e| {
                matches!(e, BadSlug { .. })
            }),
        ];
        for (url, expected) in cases {
            let err = normalize_profile_url(url).expect_err(url);
            assert!(expected(&err), "{url}: {err:?}");
            assert!(!err.to_string().is_empty());
        }
        assert!(normalize_profile_url("https://www.linkedin.com/in/%E2%28")
            .unwrap_err()
            .to_string()
            .contains("not a valid LinkedIn profile name"));
    }

    #[test]
    fn profile_url_round_trips() {
        assert_eq!(
            profile_url("linkedin.com/in/sarah-chen"),
            "https://www.linkedin.com/in/sarah-chen/"
        );
        let url = profile_url("linkedin.com/in/jörg-müller");
        assert_eq!(url, "https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller/");
        assert_eq!(
            normalize_profile_url(&url).as_deref(),
            Ok("linkedin.com/in/jörg-müller")
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn keys_and_profile_urls_are_fixed_points(slug in "[a-zA-Z0-9äöüéß_-]{1,40}") {
            let key = normalize_profile_url(&format!("https://de.linkedin.com/in/{slug}/?trk=x"));
            let key = key.unwrap();
            prop_assert_eq!(normalize_profile_url(&key), Ok(key.clone()));
            prop_assert_eq!(normalize_profile_url(&profile_url(&key)), Ok(key.clone()));
        }

        #[test]
        fn never_panics(url in "\\PC{0,60}") {
            let _ = normalize_profile_url(&url);
        }
    }
}
