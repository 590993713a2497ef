//! Inputs the fuzzers (fuzz/, `scripts/fuzz.sh`) found breaking an invariant, minimised,
//! each with the invariant it broke. One test per bug; the comment says what was wrong.
//! Also checks that the committed fuzz seeds still parse, so the fuzzers start from
//! valid files when the formats change.

#![cfg(not(target_arch = "wasm32"))]

use rapport::followup::{
    export_json, import_json, load_all, normalize_profile_url, profile_url, record_invitation,
    Invitation, Settings,
};
use rapport::{analyze, Context, Kind, Recipient, Report, Units};

fn ctx(name: &str, company: Option<&str>) -> Context {
    Context {
        recipient: Recipient {
            name: Some(name.to_string()),
            headline: None,
            company: company.map(str::to_string),
        },
        ..Context::default()
    }
}

fn count(r: &Report, rule: &str) -> usize {
    r.findings.iter().filter(|f| f.rule == rule).count()
}

/// The fuzz target's fix invariant (as in tests/properties.rs): every fix applies,
/// leaves the text outside its span as it was and leaves fewer findings of its rule.
#[track_caller]
fn every_fix_removes_its_finding(text: &str, ctx: &Context) {
    let r = analyze(text, ctx);
    let before: Vec<u16> = text.encode_utf16().collect();
    for f in r.findings.iter().filter(|f| f.replacement.is_some()) {
        let fixed = f.apply(text, Units::Utf16).expect("a reported fix applies");
        let after: Vec<u16> = fixed.encode_utf16().collect();
        assert_eq!(after[..f.start], before[..f.start]);
        assert_eq!(
            after[after.len() - (before.len() - f.end)..],
            before[f.end..]
        );
        let again = analyze(&fixed, ctx);
        assert!(
            count(&again, &f.rule) < count(&r, &f.rule),
            "fix for {} did not remove it: {text:?} -> {fixed:?}",
            f.rule
        );
    }
}

/// The fix of `rule` on `text`, applied.
#[track_caller]
fn fixed(rule: &str, text: &str, ctx: &Context) -> String {
    let r = analyze(text, ctx);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == rule && f.replacement.is_some())
        .unwrap_or_else(|| panic!("{rule} has no fix on {text:?}: {:?}", r.findings));
    f.apply(text, Units::Utf16).unwrap()
}

/// Bug: `str::to_lowercase` turns 'İ' (U+0130) into "i" plus a combining dot, which is
/// not a profile-name character, so the key did not normalise to itself, and a
/// contact recorded from such a link was exported in a file its own import refused.
/// Fixed in `followup::url` (the slug's lower case maps 'İ' to "i").
/// Removing a phone number glued, through U+FFFD characters, to an address made that
/// address read as one ("jobs@x.io\u{fffd}+44 ..." -> "jobs@x.io\u{fffd}."): the fix
/// left as many contact-details findings as before. Such a removal is no longer offered.
#[test]
fn removing_a_number_does_not_make_an_address() {
    let c = ctx("Priya", Some("Acme"));
    every_fix_removes_its_finding(
        "Hi Priya, share your resume to jobs@x.io\u{fffd}\u{fffd}+44 7700 900123. Rates from $15/hr.",
        &c,
    );
}

/// Found by a five-minute fuzz run: the same through control characters and no "+"
/// ("jobs@x.io\u{10}\u{10}7700 900123"), which the guard above did not see. A phone
/// number now starts only after a space or an opening mark, so a number glued to other
/// text is not offered for removal.
#[test]
fn an_address_is_read_the_same_whatever_is_glued_to_it() {
    let c = ctx("Priya", Some("Acme"));
    let text = "Reach me at jobs@x.io\u{10}\u{10}7700 900123 or jobs@x.io\u{fffd}\u{fffd}7700 900123 today.";
    every_fix_removes_its_finding(text, &c);
    let r = analyze(
        "Call +44 7700 900123 or (020) 7946 0958, or tel:07700900123.",
        &c,
    );
    assert_eq!(count(&r, "contact-details"), 3, "{:?}", r.findings);
}

/// A profile's company written all in lower case ("there"): the specifics fix wrote
/// "your work at there", which does not read as a company (an everyday word counts
/// only capitalised), so the finding stayed. The fix now writes the name capitalised.
#[test]
fn a_lower_case_company_is_written_as_a_name() {
    let c = Context {
        kind: Kind::Message,
        ..ctx("Ana", Some("there"))
    };
    every_fix_removes_its_finding("HeyH there!\nD\u{fffd}\near Sir/M there ", &c);
    let r = analyze("I'd love to connect.", &c);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "missing-specifics")
        .unwrap();
    assert!(f.message.contains("at There"), "{}", f.message);
}

#[test]
fn dotted_capital_i_in_a_profile_name_gives_a_stable_key() {
    let key = normalize_profile_url("HTTPS://UK.LINKEDIN.COM:443/IN/Ølaf-İnce-日本").unwrap();
    assert_eq!(key, "linkedin.com/in/ølaf-ince-日本");
    assert_eq!(normalize_profile_url(&key), Ok(key.clone()));
    assert_eq!(normalize_profile_url(&profile_url(&key)), Ok(key.clone()));
    assert_eq!(
        normalize_profile_url("/in/%C4%B0lker").as_deref(),
        Ok("linkedin.com/in/ilker")
    );
    // 100 'İ' are 100 characters, within the limit, and stay 100 after lower-casing.
    let long = format!("/in/{}", "İ".repeat(100));
    let key = normalize_profile_url(&long).unwrap();
    assert_eq!(normalize_profile_url(&key), Ok(key.clone()));

    let invite = Invitation {
        url: "https://www.linkedin.com/in/İlker-Öztürk/".to_string(),
        name: "İlker Öztürk".to_string(),
        ..Invitation::default()
    };
    let c = record_invitation(None, &invite, 1_767_225_600_000, &Settings::default()).unwrap();
    let json = export_json(std::slice::from_ref(&c), None, 1_767_225_600_000);
    let back = import_json(&json, &[]).expect("an export imports again");
    assert_eq!(back.merged, vec![c]);
}

/// Bug: filling a field nested in another ("{first%FIRST_NAME%_name}") made the outer
/// one a field ("{firstSarah_name}"), and a value that is itself a field ("XXX") or
/// the field ("[Company]") was offered as a fix that leaves a field. Such fields now
/// get no fix; the others still do.
#[test]
fn a_placeholder_fill_that_makes_a_new_placeholder_is_not_offered() {
    let sarah = ctx("Sarah Chen", Some("Acme"));
    let text = "Hi {first%FIRST_NAME%_name}, I noticed [Company] is growing.";
    let r = analyze(text, &sarah);
    let fields: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "unfilled-placeholder")
        .collect();
    assert_eq!(fields.len(), 2, "{fields:?}");
    assert_eq!(fields[0].replacement, None, "the nested field gets no fix");
    assert_eq!(fields[1].replacement.as_deref(), Some("Acme"));
    every_fix_removes_its_finding(text, &sarah);

    for company in ["XXX Ltd", "[Company]", "{{company}}"] {
        let c = ctx("Sarah Chen", Some(company));
        let text = "Hi Sarah, I admire the work at [Company].";
        let r = analyze(text, &c);
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "unfilled-placeholder")
            .unwrap();
        assert_eq!(f.replacement, None, "company {company:?}");
        every_fix_removes_its_finding(text, &c);
    }
}

/// Bug: the greeting the fix writes, "Hi <first name>, ", was not taken for a greeting
/// by name when the name would not pass for one on its own: lower case ("danah boyd"),
/// a word the detector keeps out of names ("Hope"), digits ("R2-D2") or a character
/// the tokenizer splits on. So missing-greeting fired again after its own fix.
#[test]
fn the_greeting_the_fix_writes_counts_as_a_greeting_by_name() {
    for name in [
        "a",
        "danah boyd",
        "Hope Smith",
        "R2-D2",
        "A\u{FFFD}a Lima",
        "-Ana-",
    ] {
        let c = ctx(name, None);
        every_fix_removes_its_finding("a", &c);
        every_fix_removes_its_finding("Thanks for the talk.", &c);
        every_fix_removes_its_finding("Hi there, thanks for the talk.", &c);
    }
    assert_eq!(
        fixed("missing-greeting", "a", &ctx("a", Some("a"))),
        "Hi a, a"
    );
    let hope = ctx("Hope Smith", None);
    let r = analyze("Hi Hope, loved your talk at RustConf.", &hope);
    assert_eq!(count(&r, "missing-greeting"), 0, "{:?}", r.findings);
    let c = Context {
        kind: Kind::Message,
        limit: 8000,
        disabled: vec!["pressure".to_string()],
        ..ctx("a", Some("a"))
    };
    every_fix_removes_its_finding("a", &c);
}

/// Bug: after wrong-name's fix wrote their first name, a name the tokenizer splits
/// ("A\u{FFFD}a") or that starts like an honorific ("Dr.Љ\u{FFFD}m": "Dr." then a
/// capital) was read as another name, so wrong-name fired again.
#[test]
fn wrong_name_accepts_the_first_name_its_fix_writes() {
    for (name, text) in [
        ("Dr. A\u{FFFD}a Lima", "Hi Ana, we both studied at ETH."),
        ("Dr.Љ\u{FFFD}m", "Hi A"),
    ] {
        let c = ctx(name, None);
        // "Hi A" greets no one now ("a" is a word, not a name): the greeting fix names them.
        let rule = if text == "Hi A" {
            "missing-greeting"
        } else {
            "wrong-name"
        };
        let out = fixed(rule, text, &c);
        assert_eq!(count(&analyze(&out, &c), "wrong-name"), 0, "{out:?}");
        every_fix_removes_its_finding(text, &c);
    }
}

/// Bug: the salutation fix "Dear <first name>" made a salutation again when the first
/// name is one of its words: "Dear Sir," for Sir Ian McKellen became "Dear Sir" (a fix
/// that changed nothing). "Sir" and "Dame" are now titles, not first names, and a
/// first name that would make a canned phrase gets the salutation removed instead.
#[test]
fn the_salutation_fix_never_makes_a_salutation() {
    let ian = ctx("Sir Ian McKellen", None);
    assert_eq!(
        fixed("generic-opener", "Dear Sir, I loved your talk.", &ian),
        "Dear Ian, I loved your talk."
    );
    for (name, text) in [
        ("Dear/Sir", "Dear/Sir"),
        ("Madam Curie", "Dear Sir/Madam, I loved your talk."),
        ("Recruiter", "Dear Hiring Manager, I loved your talk."),
    ] {
        every_fix_removes_its_finding(text, &ctx(name, Some("Acme")));
    }
}

/// Bug: replacing or removing a wordy phrase could make a new one with the words
/// around it: "in order in order to" became "in order to", and removing "basically"
/// from "I just basically wanted to" left "I just wanted to". The fix now takes the
/// new phrase with it.
#[test]
fn a_filler_fix_takes_repetitions_of_the_phrase_with_it() {
    let c = ctx("Ana Lima", None);
    for (text, want) in [
        ("I write in order in order to ask.", "I write to ask."),
        ("It is really really really good.", "It is really good."),
        (
            "In order in order in order to ask, I write.",
            "To ask, I write.",
        ),
        (
            "I am writing to you in order in order to ask.",
            "I'd like to ask.",
        ),
        ("I just basically wanted to say hi.", "I wanted to say hi."),
        (
            "I'm reaching I'm reaching out because out because we met.",
            "We met.",
        ),
    ] {
        assert_eq!(fixed("filler", text, &c), want);
        every_fix_removes_its_finding(text, &c);
    }
    every_fix_removes_its_finding("It is very very very very very unique.", &c);
}

/// missing-specifics once inserted "I've been following your work at <company>." (a
/// stock line that rewarded itself); it now inserts nothing and names the company in
/// its message, whatever the name looks like.
#[test]
fn missing_specifics_names_their_company_and_inserts_nothing() {
    for company in [
        "Tech Mahindra",
        "Culture Amp",
        "Change.org",
        "Future plc",
        "A.P. Moller - Maersk",
        "A.B. Corp",
        "Acme",
    ] {
        let c = ctx("Zoë Martin", Some(company));
        let text = "Hi Zoë, let's connect.";
        let r = analyze(text, &c);
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "missing-specifics")
            .unwrap();
        assert_eq!(f.replacement, None, "{company}");
        assert!(f.message.contains(" at "), "{company}: {}", f.message);
        every_fix_removes_its_finding(text, &c);
    }
    // Saying only that they work there is still not specific.
    let acme = ctx("Zoë Martin", Some("Acme"));
    let r = analyze("Hi Zoë, I see you work at Acme. Let's connect.", &acme);
    assert_eq!(count(&r, "missing-specifics"), 1);
}

/// The fuzzers start from fuzz/seeds; the export files there must still import and
/// the storage snapshots parse, or the import fuzzer only ever sees refused files.
#[test]
fn fuzz_seeds_still_parse() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let files = |sub: &str| {
        let mut v: Vec<_> = std::fs::read_dir(dir.join(sub))
            .unwrap_or_else(|e| panic!("fuzz/seeds/{sub}: {e}"))
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    let imports = files("import_json");
    assert!(imports.len() >= 3);
    for p in imports {
        let text = std::fs::read_to_string(&p).unwrap();
        let r = import_json(&text, &[]).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert!(!r.merged.is_empty(), "{}", p.display());
    }
    for p in files("load_all") {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let _ = load_all(&v);
    }
    let store = std::fs::read(dir.join("load_all/store.json")).unwrap();
    let loaded = load_all(&serde_json::from_slice(&store).unwrap());
    assert!(loaded.warnings.is_empty() && loaded.contacts.len() >= 3);
}

/// Found by the fuzzer: removing a listed ask ("Could you introduce me to") left a favour
/// asked by its shape in another sentence ("Could you i��dIn…ntrodu.ce me to your
/// network?"), which the rule then reported instead, so the fix left as many findings.
/// Both are reported now, each for its own sentence.
#[test]
fn removing_a_listed_ask_leaves_no_new_favour_finding() {
    let c = Context {
        language: Some("en-GB".into()),
        ..ctx("José García", None)
    };
    every_fix_removes_its_finding(
        " I'd like to add you\u{1}\0\0yCould you introduce me to  my  on Linke Hi Maria, loved your post about wasm. Could you i\u{fffd}\u{fffd}dIn\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}ntrodu.ce me to your network?",
        &c,
    );
}

/// Found by the long fuzzing run (scripts/fuzz.sh 1200 analyze): an order found by the
/// shape of its sentence ("booked … you") was not reported while a listed phrase
/// ("ASAP") stood in the same sentence, so removing "ASAP" brought the order to light and
/// left as many pressure findings. Each is reported now unless they share words.
#[test]
fn removing_a_hurry_word_leaves_no_new_pressure_finding() {
    every_fix_removes_its_finding("ASAP\u{fffd}i\u{fffd}booked\0you", &ctx("Sarah Chen", None));
    every_fix_removes_its_finding(
        "Hi Sarah, I need this ASAP, so I've booked you in for Monday at 10.",
        &ctx("Sarah Chen", None),
    );
}

/// Found by the fuzzer: a canned phrase matched across an ellipsis ("I'd like to… add
/// you to my professional network"), and its removal stopped at the ellipsis as at a
/// sentence end, leaving "add you to my professional network". A match may not span an
/// ellipsis, as it may not span a full stop.
#[test]
fn a_canned_phrase_does_not_span_an_ellipsis() {
    let c = Context {
        language: Some("fr".into()),
        ..ctx("Sarah Chen", None)
    };
    every_fix_removes_its_finding(
        "I'd like to\u{2026} add you to my professional network o= LinkedIn.",
        &c,
    );
}

/// Fuzzing found (scripts/fuzz.sh 300 analyze): a second "on joining X" in the sentence
/// of a first one came within reach of the first one's "congrats" once the fix had
/// shortened the first company name, so the fix left a wrong-company finding behind.
#[test]
fn a_congratulation_serves_one_company_claim() {
    let ctx = Context {
        recipient: Recipient {
            company: Some("Acme".into()),
            ..Recipient::default()
        },
        ..Context::default()
    };
    let text = "Hi Priya, congrats on joining Ram,Dea\u{fffd}\u{fffd}\u{fffd}Bts on joining Ram,Dea\u{fffd}\u{fffd}\u{fffd}B";
    let r = analyze(text, &ctx);
    for f in r.findings.iter().filter(|f| f.rule == "wrong-company") {
        let fixed = f.apply(text, Units::Utf16).expect("the fix applies");
        let again = analyze(&fixed, &ctx);
        let count = |r: &rapport::Report| {
            r.findings
                .iter()
                .filter(|f| f.rule == "wrong-company")
                .count()
        };
        assert!(count(&again) < count(&r), "{fixed:?}");
    }
}

/// Fuzzing (a 600 s run of `analyze`): the fix for a wrong company wrote the profile's
/// company as given, and a company field holding punctuation and words of its own
/// ("?Bwhat's your take og") read back as more text and claims, so the finding stayed.
/// Their company is offered as the fix only when it reads back as one name.
#[test]
fn the_company_fix_is_offered_only_when_it_reads_as_one_name() {
    let c = Context {
        limit: 8000,
        kind: Kind::Message,
        disabled: vec!["missing-specifics".into()],
        ..ctx(
            "İlker Öztürk",
            Some("\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}?Bwhat's your take og \u{fffd} Thank"),
        )
    };
    every_fix_removes_its_finding(
        "\0\0\0\0a, congrats on joining �\0\0\0\0\0\0\0  Ma������n joining �\0\0\0\0\0\0\0  Ma��������������\u{10}��������\0\0\0\0\0��������������������������������������������������\0\0\u{11}���������������������������������\u{10}��������\0\0\0\0\0��������������������������������������������������\0\0\u{11}����������������������������\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}\u{b}�ria, loved you�r post aThank\0\0\0\0\0a, congrats &on joining �\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0��&�������ria,5loved your post a]XXo \0\0\0\0\0]\0\0\0\0\0\0\0\0\0\0\0\0e: what's yrahe Saturdaytw ",
        &c,
    );
    let r = analyze(
        "Maria, congrats on joining Globex!",
        &ctx("Maria Lopez", Some("Monzo")),
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "wrong-company")
        .unwrap();
    assert_eq!(f.replacement.as_deref(), Some("Monzo"));
}

/// Found by the long fuzzing run: a greeting whose "name" is a phone number ("Hi
/// 000000000,") ends its sentence, and the next word is far on. Removing "the sentence
/// after the greeting" started at that word, past the sentence's end: an edit that ran
/// backwards, and a panic where the address check sliced around it.
#[test]
fn a_greeting_that_is_its_whole_sentence_gives_no_backwards_edit() {
    let c = Context {
        limit: 8000,
        language: Some("en-GB".into()),
        ..ctx("000000000 0 ", Some(""))
    };
    let far = format!(
        "Hi 000000000, \0\r{}{}{}V",
        "\u{fffd}".repeat(30),
        "\0".repeat(7),
        "\u{fffd}".repeat(12)
    );
    let near = "Hi 000000000,\n\u{fffd}\u{fffd} V".to_string();
    for text in [far.as_str(), near.as_str()] {
        let r = analyze(text, &c);
        assert!(r.findings.iter().all(|f| f.start <= f.end), "{text:?}");
        every_fix_removes_its_finding(text, &c);
    }
}

/// Fuzzing found it: "thanks for" followed at once by "so" (or "and", "but") left the
/// thanks without an object, and the shared-past reader took the object's first word.
#[test]
fn thanks_for_with_nothing_named_does_not_panic() {
    for text in [
        "Thanks for so much help last year.",
        "Thank you for and also",
        "Hi Sarah, thanks for but",
    ] {
        let c = ctx("Sarah Chen", Some("Acme"));
        let r = analyze(text, &c);
        assert!(r.score.is_some(), "{text:?}");
        every_fix_removes_its_finding(text, &c);
    }
}

/// Fuzzing found it: removing "Hello Sir" from "Dear Hello Sir/Madam" (to someone whose
/// name holds "Dear Hello") left "Dear /Madam", a salutation again, so the fix removed
/// no finding. A removal that makes a canned phrase again is no fix.
#[test]
fn removing_a_salutation_never_leaves_another() {
    let c = Context {
        kind: rapport::Kind::Message,
        ..ctx("\u{fffd}0\u{fffd}\u{fffd}Dear Hello", Some("\u{ef356}"))
    };
    for text in [
        "\u{fffd}0\u{fffd}\u{fffd}Dear Hello Sir/Madam, \u{ef356}",
        "Dear Hello Sir/Madam, x",
    ] {
        every_fix_removes_its_finding(text, &c);
    }
}

/// Fuzzing found it: "Hi Scrahwa Is," to Sarah Chen. The fix wrote "Hi Sarah Is," and
/// `wrong-name` then read "Is" as a wrong surname, so the fix removed no finding. A
/// surname is a word the greeting would read as a name: not "Is", nor "Ma'am" ("Dear
/// Saima Ma'am," is no wrong name).
#[test]
fn a_word_after_their_first_name_is_a_surname_only_if_it_could_be_a_name() {
    let c = ctx("Sarah Chen", Some("Acme"));
    for text in [
        "Hi Scrahwa Is,  your RustConf talk on wasm 👋 I'm buil",
        "Hi Sarah Is, your RustConf talk on wasm was great.",
    ] {
        every_fix_removes_its_finding(text, &c);
    }
    assert_eq!(
        count(&analyze("Hi Sarah Is, great talk.", &c), "wrong-name"),
        0
    );
    assert_eq!(
        count(&analyze("Hi Sarah Smith, great talk.", &c), "wrong-name"),
        1
    );
    let saima = ctx("Saima Iqbal", None);
    assert_eq!(
        count(
            &analyze("Dear Saima Ma'am, I saw your talk.", &saima),
            "wrong-name"
        ),
        0
    );
}

/// Found by a blind labelled note, not the fuzzer: "…in April. Team Lyon says hi!" read
/// "April" as the first word of a team's name across the sentence break, and the sentence
/// before "Team" was sliced from its end to that word, backwards (a panic: slice index
/// starts past its end). A team's name now never starts in the sentence before.
#[test]
fn a_team_named_after_a_sentence_break_does_not_panic() {
    let c = ctx("Pemba", Some("Khumbu Alpine Guides"));
    let text = "Pemba, thank you for getting us up Island Peak safely in April. Team Lyon says hi!";
    every_fix_removes_its_finding(text, &c);
    assert!(analyze(text, &c).score.is_some());
}

/// Found by the fuzzer from a labelled note among its seeds: "Please accept right away and
/// share my page" had a fix that removed "right away" and left "Please accept and
/// share", an order the urgency had hidden, so the fix did not remove its finding. An
/// urgency inside an order to accept now gets no fix (the order needs rewriting).
#[test]
fn removing_the_hurry_from_an_order_is_no_fix() {
    let c = ctx("Sarah", Some("Acme"));
    every_fix_removes_its_finding(
        "Daniel, I need 500 connections before Monday. Please accept right away and share my page with your team.",
        &c,
    );
}

/// Found by the long fuzz run of the fourth session of 2026-12-07: "I will be forever
/// grateful I am fit for it. Refer me …" read "Refer me" as thanked for ("grateful … for")
/// across the sentence break, so that ask went unreported; removing the ask before it
/// brought it to light, and that fix did not lower the rule's count. A thanks now counts
/// only in the ask's own sentence.
#[test]
fn a_thanks_in_the_sentence_before_does_not_hide_an_ask() {
    let c = ctx("Sarah", Some("Acme"));
    let text = "I am sure I am fit for it. Refer me and let's connect, I will be forever grateful I am fit for it. Refer me and let's connect, I w. God bless.";
    every_fix_removes_its_finding(text, &c);
    let asks = analyze(text, &c)
        .findings
        .iter()
        .filter(|f| f.rule == "entitlement-ask")
        .count();
    assert_eq!(asks, 2);
}

/// Found by CI's fuzz run of 29e434b: removing the sentence of an ask ("I'd like to check
/// in with her every week.") brought "Could you …" and "… sponsor a pilot" into sentences
/// side by side, and the second read as a favour asked of them: the fix left as many asks
/// as before. A removal is now offered only when what is left, read as a stranger's, asks less.
#[test]
fn removing_an_ask_does_not_join_two_sentences_into_another() {
    let c = ctx("Sarah", Some("Acme"));
    let text = "Hi Sarah, I lead people ops at a logistics firm in Leeds and our offboarding pilot is going well. Could you intro me to your HR lead? I'd like to check in with her every week. Then perhaps sponsor a pilot next quarter.";
    every_fix_removes_its_finding(text, &c);
    assert_eq!(count(&analyze(text, &c), "entitlement-ask"), 2);
}
