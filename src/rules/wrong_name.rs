//! `wrong-name`: the greeting names someone other than the recipient, or addresses
//! them in a way the pronouns in their headline rule out ("Dear Ms. Ellis" to "Head of
//! People (he/him)"; [`crate::signals::pronouns`]).
//!
//! **Why it matters.** "Hi Sarah" sent to John is the clearest sign of a copied
//! template; the seeds call generic, impersonal requests the reason invitations are
//! ignored, and a wrong name is worse than none. An error.
//!
//! **Example** (recipient John Okafor): `Hi Sarah, I enjoyed your talk.`
//! **Fix**: `Hi John, I enjoyed your talk.`

use super::{Cx, Rule};
use crate::lang::en::AFTER_NAMES;
use crate::lang::names::{fold, matches_name};
use crate::report::{Category, Finding, Severity};

pub struct WrongName;

/// "Hi Kasia Kowalska" to Katarzyna Nowak: their first name (or its short form), then a
/// surname that is not theirs. A form of address after the name ("Kemal Bey", "Kenji
/// San") is no surname, and a profile without a full surname ("Bilal C.") decides nothing.
fn wrong_surname(given: &str, surname: &str, first: &str, full: &str) -> bool {
    let parts: Vec<&str> = full.split_whitespace().collect();
    let squash = |s: &str| -> String { fold(s).chars().filter(|c| c.is_alphanumeric()).collect() };
    parts.len() >= 2
        && parts[1..].iter().all(|p| squash(p).chars().count() > 2)
        && surname.starts_with(char::is_uppercase)
        && !given.contains('.')
        && matches_name(given, first)
        && !matches_name(surname, full)
        && !parts.iter().any(|p| squash(p) == squash(surname))
        && !AFTER_NAMES.contains(&fold(surname).as_str())
}

impl Rule for WrongName {
    fn id(&self) -> &'static str {
        "wrong-name"
    }
    fn universal(&self) -> bool {
        true
    }
    fn category(&self) -> Category {
        Category::Personal
    }
    fn penalty(&self) -> u8 {
        10
    }
    fn cap(&self, _cx: &Cx) -> Option<u8> {
        Some(30)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let (Some(full), Some(first)) = (
            cx.ctx.recipient.name.as_deref(),
            cx.ctx.recipient.first_name(),
        ) else {
            return;
        };
        // A name pasted into the body is as wrong as one in the greeting: "great to
        // connect with you Ahmed!" to Mohammed.
        // "Karolina, thank you for ..." to Katarzyna: without a greeting, the name the
        // note opens on is the one it calls them.
        let company = cx.ctx.recipient.company.as_deref();
        // A note that never says "you" is no letter to them ("Resume – John Peters").
        let opening = cx.signals.greeting.is_none()
            && cx.doc.tokens.iter().any(|t| t.norm.starts_with("you"));
        for span in crate::signals::greeting::later_vocatives(cx.doc, company, opening) {
            let called = &cx.doc.text[span.start..span.end];
            if !matches_name(called, full) {
                out.push(cx.finding(
                    self,
                    Severity::Error,
                    span.start,
                    span.end,
                    format!("This note calls them “{called}”, but it is going to {full}. A wrong name tells them it is a copied template."),
                    Some(first.to_string()),
                ));
            }
        }
        // "Dear Ms. Ellis" to someone whose headline says he/him.
        let headline = cx.ctx.recipient.headline.as_deref().unwrap_or("");
        for (span, pronouns, honorific) in crate::signals::pronouns::misgendered(cx.doc, headline) {
            let word = &cx.doc.text[span.start..span.end];
            // An honorific is replaced by the one their pronouns give; "sir" or "guy"
            // needs rewording by hand.
            let fix = honorific.then_some(match pronouns {
                "he/him" => "Mr",
                "she/her" => "Ms",
                _ => "Mx",
            });
            out.push(cx.finding(
                self,
                Severity::Error,
                span.start,
                span.end,
                format!("“{word}” does not fit {full}: their headline gives their pronouns as {pronouns}. Getting this wrong reads like a copied note, and it hurts."),
                fix.map(str::to_string),
            ));
        }
        let Some(span) = cx.signals.greeting.and_then(|g| g.name) else {
            return;
        };
        let greeted = &cx.doc.text[span.start..span.end];
        // Their first name exactly as the fix writes it ("R2-D2", "A.J"), or any word of
        // the greeted name that is one of theirs ("Dr. Chen", "Sarah C").
        let ok = greeted == first
            || greeted
                .split(|c: char| c.is_whitespace() || c == '.')
                .filter(|w| !w.is_empty())
                .any(|w| matches_name(w, full));
        // "Hi Bilal Ahmed,": the word after their first name, set off by a comma or a line
        // end, and one the greeting would read as a name ("Hi Sarah Is," has none).
        let at = cx.doc.tokens.partition_point(|t| t.start < span.end);
        let next = cx.doc.tokens.get(at).filter(|t| {
            cx.doc.text[span.end..t.start] == *" "
                && cx.doc.text[t.end..].starts_with([',', '!', '\n'])
                && crate::signals::greeting::is_name_token(cx.doc, at)
        });
        let surname =
            next.filter(|t| wrong_surname(greeted, &cx.doc.text[t.start..t.end], first, full));
        if ok && surname.is_none() {
            return;
        }
        // A wrong surname goes, and the first name stays as they wrote it.
        let (end, fix) = match surname {
            Some(t) => (t.end, greeted),
            None => (span.end, first),
        };
        let called = &cx.doc.text[span.start..end];
        out.push(cx.finding(
            self,
            Severity::Error,
            span.start,
            end,
            format!("This note greets “{called}”, but you're writing to {full}. A wrong name makes the note look copied from a template."),
            Some(fix.to_string()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn honorifics_and_forms_of_address_are_no_wrong_name() {
        let c = ctx_for("Alejandro Ruiz");
        assert_eq!(
            count_with("wrong-name", "Hola Sr. Ruiz, vi su charla en Madrid.", &c),
            0
        );
        let c = ctx_for("Zara Ahmed");
        assert_eq!(
            count_with("wrong-name", "Hello Ma'am, I saw your talk.", &c),
            0
        );
        let c = ctx_for("Ewa Kowalska");
        assert_eq!(
            count_with("wrong-name", "Dear Ms Kowalski, I read your article.", &c),
            0
        );
        // "sir" typed in lower case before their short name is a form of address, and
        // the greeting has their name (no generic opener to "fix" into "Hi Jose Migs").
        let c = ctx_for("Jose Miguel Reyes");
        let note = "Hi sir Migs! Thanks for the AWS study jam in Cebu last Saturday.";
        assert_eq!(count_with("wrong-name", note, &c), 0);
        assert_eq!(count_with("generic-opener", note, &c), 0);
        assert_eq!(
            count_with("wrong-name", "Hi sir Marco! Thanks for the jam.", &c),
            1
        );
        // A whole-word honorific ends at its sentence's dot; "Ma" is madam in Nigeria
        // and Ghana ("Good evening Ma.").
        let c = ctx_for("Sunita Sharma");
        for note in [
            "Good morning Ma'am. Rohan Gupta here, class of 2008.",
            "Good evening Ma. I am a final year student at UNN.",
            "Good morning Ma Sunita, thank you for the talk.",
        ] {
            assert_eq!(count_with("wrong-name", note, &c), 0, "{note}");
        }
        for note in [
            "Good morning Ma Bisi, thank you for the talk.",
            "Dear Dr. Rohan, thank you for the talk.",
        ] {
            assert_eq!(count_with("wrong-name", note, &c), 1, "{note}");
        }
        let c = ctx_for("John Reyes");
        assert_eq!(
            count_with("wrong-name", "Hi Sir Mark! It's Carlo from Cebu.", &c),
            1
        );
        // Titles written short: an engineer in Egypt or the Gulf, a priest, a councillor.
        for (name, note) in [
            (
                "Ahmed Hassan",
                "Dear Eng. Ahmed, I saw your presentation on the plant.",
            ),
            (
                "Khalid Al Mansoori",
                "Dear Eng. Al Mansoori, congratulations on your promotion.",
            ),
            (
                "Brian Doherty",
                "Dear Fr. Brian, thank you for the reference.",
            ),
            (
                "Anjali Patel",
                "Dear Cllr Patel, thank you for fixing the bus shelter.",
            ),
            // Nigeria: a pharmacist, a barrister, a pilgrim.
            (
                "Ikechukwu Obi",
                "Good afternoon Pharm. Obi, your talk on counterfeit drugs was useful.",
            ),
            (
                "Chidinma Okafor",
                "Dear Barr. Okafor, thank you for the clinic at the bar centre.",
            ),
            (
                "Musa Bello",
                "Good morning Alhaji Musa, thank you for the market tour.",
            ),
            // Ranks and offices, short and spelled out.
            (
                "Tamika Johnson",
                "Hi Det. Johnson, your unit works closely with our team.",
            ),
            (
                "Marisol Vega",
                "Hi Lt. Vega, your talk at career day is why I joined.",
            ),
            (
                "Chloe Harrington",
                "Hi Coach Harrington, one of my athletes visits next month.",
            ),
            (
                "Roseanne Barr",
                "Dear Ms Barr, your set in Leeds was great.",
            ),
            // A title alone is no name: "Hello Professor", "Hi Coach".
            (
                "Ingrid Haugen",
                "Hello Professor, I was in your 2019 class.",
            ),
            (
                "Chloe Harrington",
                "Hi Coach, one of my athletes visits next month.",
            ),
            (
                "Joy Mensah",
                "Hello Doctor, your talk on sepsis in May helped us.",
            ),
        ] {
            assert_eq!(count_with("wrong-name", note, &ctx_for(name)), 0, "{note}");
        }
        // Without its full stop "Eng" is a name ("Eng Hock"), and may be the wrong one.
        assert_eq!(
            count_with(
                "wrong-name",
                "Dear Eng Hock, I saw your talk.",
                &ctx_for("Tan Eng Hock")
            ),
            0
        );
        assert_eq!(
            count_with(
                "wrong-name",
                "Dear Eng Hock, I saw your talk.",
                &ctx_for("Lim Wei Ming")
            ),
            1
        );
    }

    #[test]
    fn flags_someone_elses_surname_after_their_first_name() {
        let c = ctx_for("Katarzyna Nowak");
        let text = "Hi Kasia Kowalska, I enjoyed your post on hybrid onboarding.";
        assert_eq!(count_with("wrong-name", text, &c), 1);
        assert_eq!(
            fixed_with("wrong-name", text, &c),
            "Hi Kasia, I enjoyed your post on hybrid onboarding."
        );
        let c = ctx_for("Bilal Chaudhry");
        assert_eq!(
            count_with("wrong-name", "Hi Bilal Ahmed, enjoyed your 5G slides.", &c),
            1
        );
        for fine in [
            "Hi Bilal Chaudhry, enjoyed your 5G slides.",
            "Hi Bilal, enjoyed your 5G slides.",
            "Hi Bilal Great slides at ITCN.",
            "Hi Bilal Sahib, enjoyed your 5G slides.",
        ] {
            assert_eq!(count_with("wrong-name", fine, &c), 0, "{fine}");
        }
        // A form of address after the name; a profile without a full surname.
        let c = ctx_for("Kemal Yılmaz");
        assert_eq!(
            count_with("wrong-name", "Merhaba Kemal Bey, we met in Izmir.", &c),
            0
        );
        let c = ctx_for("Bilal C.");
        assert_eq!(
            count_with("wrong-name", "Hi Bilal Ahmed, enjoyed your slides.", &c),
            0
        );
    }

    #[test]
    fn flags_another_name() {
        let c = ctx_for("John Okafor");
        assert_eq!(
            count_with("wrong-name", "Hi Sarah, I enjoyed your talk.", &c),
            1
        );
        assert_eq!(
            count_with("wrong-name", "Dear Ms. Chen, I enjoyed your talk.", &c),
            1
        );
        // A greeting in another language, a form of address after the name.
        let c = ctx_for("Siddharth Rao");
        for (text, n) in [
            ("Namaste Sandeep ji, I enjoyed your post on failover.", 1),
            ("Namaste Siddharth ji, I enjoyed your post on failover.", 0),
            ("Marhaba Samira! Saw your post on RTL bugs.", 1),
        ] {
            assert_eq!(count_with("wrong-name", text, &c), n, "{text}");
        }
        // Polish: "Pani" (Mrs) and the vocative "Doroto" for Dorota.
        let c = ctx_for("Dorota Wiśniewska");
        assert_eq!(
            count_with(
                "wrong-name",
                "Dzień dobry Pani Doroto, thank you for it.",
                &c
            ),
            0
        );
        let c = ctx_for("Jean-Baptiste Kouassi");
        assert_eq!(
            count_with("wrong-name", "Hi Jean-Pierre, saw your post.", &c),
            1
        );
        assert_eq!(
            count_with("wrong-name", "Hi Jean-Baptiste, saw your post.", &c),
            0
        );
        assert_eq!(count_with("wrong-name", "Hi Jean, saw your post.", &c), 0);
        // Typed in lower case: a word that starts like their name but is not it.
        let c = ctx_for("Michelle Carter");
        assert_eq!(
            count_with(
                "wrong-name",
                "hi michael loved ur post on supply chains",
                &c
            ),
            1
        );
        for text in [
            "hi michelle loved ur post on supply chains",
            "hi mich loved ur post",
            "hi there loved ur post",
            "Hi Michelangelo fans, loved the post",
        ] {
            assert_eq!(count_with("wrong-name", text, &c), 0, "{text}");
        }
    }

    #[test]
    fn flags_another_name_the_note_opens_on_without_a_greeting() {
        let c = ctx_for("Katarzyna Nowak");
        for (text, n) in [
            ("Karolina, thank you for the forum answer on test data.", 1),
            ("Karolina — we met at your timber workshop in Kraków.", 1),
            (
                "Karolina! Long time since the night shifts, hope you are well.",
                1,
            ),
            // A note that never speaks to anyone is no letter to them.
            ("Resume – Karolina Nowak, carpenter. Skills: framing.", 0),
            // Their name, or its short form.
            ("Katarzyna, thank you for the forum answer on test data.", 0),
            ("Kasia, thank you for the forum answer on test data.", 0),
            // Someone else, described; an interjection; a form of address; a label.
            ("Tomasz, the CTO at Acme, suggested I write to you.", 0),
            ("Wow, what a profile you have!", 0),
            ("Minister, sign our petition now.", 0),
            ("Question: want to 10x your career?", 0),
            // After a greeting, the greeting's name decides.
            ("Hi Katarzyna, Karolina and I loved your talk.", 0),
        ] {
            assert_eq!(count_with("wrong-name", text, &c), n, "{text}");
        }
        // A short name alone may be a short form no table knows ("Ify" for Ifeoma).
        let ify = "Ify! Amaka from the Enugu cohort, I only just found you on here.";
        assert_eq!(count_with("wrong-name", ify, &ctx_for("Ifeoma Chukwu")), 0);
        // The fix writes their first name, and the finding goes.
        let text = "Karolina, thank you for the forum answer on test data.";
        assert_eq!(
            fixed_with("wrong-name", text, &c),
            "Katarzyna, thank you for the forum answer on test data."
        );
    }

    #[test]
    fn accepts_their_name_in_any_form() {
        for text in [
            "Hi John, loved it.",
            "Hi john, loved it.",
            "Dear Mr. Okafor, loved it.",
            "Hey Johnny, loved it.",
            "Hi there, loved it.",
            "Loved it.",
        ] {
            assert_eq!(
                count_with("wrong-name", text, &ctx_for("John Okafor")),
                0,
                "{text}"
            );
        }
        // A short form that is no prefix of the name: "Dot" for Dorothy.
        assert_eq!(
            count_with(
                "wrong-name",
                "Hi Dot, Kate here!",
                &ctx_for("Dorothy Evans")
            ),
            0
        );
        for (short, full) in [
            ("Mike", "Michael Brown"),
            ("Bec", "Rebecca Hall"),
            ("Ollie", "Oliver Stone"),
            ("Charlie", "Charlotte Reid"),
        ] {
            let text = format!("Hi {short}, loved it.");
            assert_eq!(count_with("wrong-name", &text, &ctx_for(full)), 0, "{text}");
        }
        assert_eq!(
            count_with(
                "wrong-name",
                "Hola Jose, loved it.",
                &ctx_for("José García")
            ),
            0
        );
        assert_eq!(
            count_with(
                "wrong-name",
                "Hi Anne-Marie, loved it.",
                &ctx_for("Anne-Marie Dubois")
            ),
            0
        );
        assert_eq!(
            count_with(
                "wrong-name",
                "Hi Sarah, loved it.",
                &crate::Context::default()
            ),
            0
        );
    }

    #[test]
    fn flags_another_name_in_the_body_but_not_a_sign_off() {
        let c = ctx_for("Mohammed Al-Farsi");
        let text = "Hi Mohammed, great to connect with you Ahmed! I see you're doing great work.";
        assert_eq!(count_with("wrong-name", text, &c), 1);
        assert_eq!(
            fixed_with("wrong-name", text, &c),
            "Hi Mohammed, great to connect with you Mohammed! I see you're doing great work."
        );
        for ok in [
            "Hi Mohammed, great to connect with you Mohammed!",
            "Hi Mohammed, loved the Emirates talk. Thank you,\nAhmed",
            "Hi Mohammed, see you Monday!",
            "Hi Mohammed, thank you, Mo.",
            "Hi Mohammed, could I ask you a few questions some time? Thanks, Aliyu",
            "Dr Al-Farsi, your paper was discussed at our meeting. Thank you, Otieno.",
        ] {
            assert_eq!(count_with("wrong-name", ok, &c), 0, "{ok}");
        }
        // The same words opening a note, or ending it with "!", still call them by name.
        for wrong in [
            "Thanks, Ahmed!",
            "Hi Mohammed, loved the Emirates talk. Thank you, Ahmed!",
        ] {
            assert_eq!(count_with("wrong-name", wrong, &c), 1, "{wrong}");
        }
    }

    #[test]
    fn fix_uses_their_first_name() {
        let c = ctx_for("Dr. John Okafor");
        assert_eq!(
            fixed_with("wrong-name", "Hi Sarah, I enjoyed your talk.", &c),
            "Hi John, I enjoyed your talk."
        );
        // A profile named with a short title: "Eng. Ahmed Hassan" is Ahmed.
        let c = ctx_for("Eng. Ahmed Hassan");
        assert_eq!(
            fixed_with("wrong-name", "Hi Sarah, I enjoyed your talk.", &c),
            "Hi Ahmed, I enjoyed your talk."
        );
    }

    #[test]
    fn flags_an_address_their_pronouns_rule_out() {
        let mut c = ctx_for("Jordan Ellis");
        c.recipient.headline = Some("Head of People at Monzo (he/him)".into());
        let text = "Dear Ms. Ellis, I admire the culture you have built at Monzo.";
        assert_eq!(count_with("wrong-name", text, &c), 1);
        assert_eq!(
            fixed_with("wrong-name", text, &c),
            "Dear Mr. Ellis, I admire the culture you have built at Monzo."
        );
        assert_eq!(
            count_with("wrong-name", "Dear Mr. Ellis, I admire your work.", &c),
            0
        );
        c.recipient.headline = Some("Product Designer at Figma (they/them)".into());
        assert_eq!(
            count_with(
                "wrong-name",
                "Great chatting, Jordan! You're a great guy.",
                &c
            ),
            1
        );
        assert_eq!(
            fixed_with("wrong-name", text, &c),
            "Dear Mx. Ellis, I admire the culture you have built at Monzo."
        );
        // Each word that misgenders them is its own finding: "Mr." gets a fix, "sir" needs
        // rewording (with one finding, fixing "Mr." brought "sir" to light).
        c.recipient.headline = Some("Site Reliability Engineer (she/her) at Shopify".into());
        let both = "Dear Mr. Ellis, I'd be glad to connect with you, sir.";
        assert_eq!(count_with("wrong-name", both, &c), 2);
        assert_eq!(
            fixed_with("wrong-name", both, &c),
            "Dear Ms. Ellis, I'd be glad to connect with you, sir."
        );
        // No pronouns in the headline: nothing to check against.
        c.recipient.headline = Some("Head of People at Monzo".into());
        assert_eq!(count_with("wrong-name", text, &c), 0);
    }

    #[test]
    fn caps_the_score() {
        let c = ctx_for("John Okafor");
        let r = crate::analyze("Hi Sarah, I saw your talk at RustConf on wasm tooling. I'm building a linter and would value your view; happy to share our benchmarks. What got you into compilers?", &c);
        assert!(r.score.unwrap() <= 30, "{}", r.score.unwrap());
    }
}
