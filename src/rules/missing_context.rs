//! `missing-context`: the note never says how the sender found or knows the person.
//!
//! Counts as context: an event (conference, meetup, webinar, talk, panel, podcast,
//! class), their content (post, article, paper, newsletter, video, comment, thread,
//! repo), a mutual connection or someone who suggested reaching out, a shared
//! school, employer, group or community ("fellow alum", "we both worked at", "in the
//! Rust Discord"; not "as a fellow choir director", a category anyone in it shares),
//! having met ("we met at", "great chatting at"), a shared interest or path ("I'm also a
//! charge nurse", "like you, I moved from law to product"),
//! a shared past found by the shape of its sentence ("we was talking at TransLogistica",
//! "you lent us a genny last week"; see [`shared_past`]), their work named and placed
//! ("your roof on the Alpbach chapel": naming it says they saw it), and, weaker, "came across
//! your profile while researching X". A bare "I came across your profile" is the
//! generic opener and does not count, nor does a source the writer cannot name ("some
//! conference, can't recall which one"), where the finding points at the guess.
//! Messages to people already connected (`Kind::Message`) are not checked.
//!
//! **Why it matters.** The seeds' first LinkedIn rule: "Mention how you found the
//! connection, whether through an event, mutual contacts, or common interests."
//! Without it a request from a stranger looks random, and random requests get ignored.
//!
//! **Example.** `Hi Sarah, I'm building a Rust linter and would value your view on caching.`
//! **Fix** (no mechanical fix; say where you came across them):
//! `Hi Sarah, I saw your RustConf talk on incremental builds. I'm building a Rust linter and would value your view on caching.`

use super::{Cx, Rule, GENERIC_CAP};
use crate::report::{Category, Finding, Severity};
#[allow(unused_imports)]
use crate::signals::after_greeting;
use crate::Kind;

pub struct MissingContext;

impl Rule for MissingContext {
    fn id(&self) -> &'static str {
        "missing-context"
    }
    fn category(&self) -> Category {
        Category::Personal
    }
    fn penalty(&self) -> u8 {
        22
    }
    /// No word on how they know them, nothing of theirs beyond their company's name
    /// and no reason to connect: a note that could go to anyone there scores no
    /// better than a vague one (as `missing-specifics` caps a note with nothing of
    /// theirs at all).
    fn cap(&self, cx: &Cx) -> Option<u8> {
        let s = cx.signals;
        (s.shared_past.is_none() && s.detail.is_none() && s.reason.is_none()).then_some(GENERIC_CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        if cx.doc.word_count() == 0
            || cx.ctx.kind == Kind::Message
            || cx.signals.how_found.is_some()
        {
            return;
        }
        // "some conference, can't recall which": point at the guess.
        if let Some(h) = cx.signals.unsure {
            out.push(cx.finding(
                self,
                Severity::Warning,
                h.start,
                h.end,
                "A source you seem unsure of reads as made up: say plainly how you know them, or leave the guess out.",
                None,
            ));
            return;
        }
        let at = after_greeting(cx.doc, cx.signals.greeting);
        out.push(cx.finding(
            self,
            Severity::Warning,
            at,
            at,
            "Say how you found or know them: an event, their post, a mutual connection or a shared group. Without it the request looks random.",
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::signals::how_found::detect;
    use crate::text::Doc;

    use super::*;
    use crate::lang::variants;
    use crate::rules::testing::*;
    use crate::Context;

    const RULE: &str = "missing-context";

    fn found(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        detect(&doc, &Context::default()).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn fires_without_context() {
        for text in [
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi Sarah, I'm building a Rust linter and would value your view on caching.",
            "Hi Tom, let's connect!",
            "Hello, I came across your profile and would like to connect.",
            "Hi Ana, I'm a product manager looking to grow my network. Would love to connect.",
            "Hi Ana, I'd love to connect with fellow professionals like yourself for mutual growth.",
            // A category claimed, not a link: "as a fellow X" fits anyone in the field.
            "Hi Jenny, as a fellow Conservative MP I'd love to compare notes on Westminster life.",
            "Hi Ana, I see we share similar interests and have a lot in common. Let's connect!",
            "Hi Ana, I admire your work. It would be a great opportunity to connect.",
            "Hi Ana, I saw your impressive profile and would love to connect.",
            "Hi Ana, I came across your background and would love to connect.",
            "Hi Stefan, a strategic partnership would be a win-win for both of us. Let's connect.",
            // A meeting at an event it does not name.
            "Hi Lucía! We met briefly at the summit. When can we meet?",
            "Hi Erin! So great bumping into you at the conference! Let's grab coffee.",
            // A time names no event either.
            "Hey Jo, great chatting at the meetup last night!",
            "Hey, we met somewhere right? Anyway lets connect",
            "Dear Mr. Lee, I am a final-year student and I am looking for internships.",
            "Hi, we help SaaS teams cut churn by 30%. Open to a quick call?",
            // A source the writer cannot name.
            "Hi Tunde, I think we crossed paths at one of the fintech events, can't recall which one. Something you said about lending stuck with me.",
            "Hi Kerem, I'm sure we met at some conference, maybe in Izmir? You gave a great talk there, I think.",
        ] {
            fires(RULE, text);
        }
    }

    #[test]
    fn points_at_a_source_the_writer_cannot_name() {
        let text = "Hi Kerem, I'm sure we met at some conference, maybe in Izmir? Glad to connect.";
        let report = crate::analyze_bytes(text, &Context::default());
        let f = report.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!(&text[f.start..f.end], "some conference");
        assert!(f.message.contains("unsure of"), "{}", f.message);
        let text = "Beatrice, we met at CES in Las Vegas at the headset booth, right? Such fun!";
        let report = crate::analyze_bytes(text, &Context::default());
        let f = report.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!(&text[f.start..f.end], "right?");
    }

    #[test]
    fn silent_with_context() {
        for text in [
            "Hi Sarah, I saw your talk at RustConf on incremental builds.",
            "Hi Sam, Priya Patel suggested I reach out about your work on search.",
            // Someone who told the sender about them.
            "Hi Lucas, my manager Sophie mentioned you'd be my day-to-day contact from May.",
            "Hi Yusuf, Petra says you know the local chart of accounts best.",
            "Hi Thandiwe, your name was on the pilot list from Johannesburg.",
            // Their name seen somewhere real.
            "Siobhan, my dad saw your name in the driver newsletter he still gets.",
            "Hi Kwame, I keep seeing your name in the Accra fintech newsletter.",
            "Hi Jo, we met at the school gates, our kids are in the same class.",
            "Hi Jo, we met at the 2019 reunion.",
            "Harriet, lovely to meet at the LPC meeting on Tuesday!",
            "Mark, good to finally meet after two years of emails on the signalling tender.",
            "Hassan, good to reconnect after the Västerås commissioning trip.",
            "Good to have you on here Pete!",
            "Hi Lena, fellow Michigan alum here, now working in climate tech.",
            "Hi Raj, we both worked at Stripe, though a few years apart.",
            // Neighbours and new colleagues.
            "Hi Priya, I just opened the coffee place two doors down on 128th.",
            "Hi Jenny, we've just bought the block on Kio Kio Road next to yours.",
            "Hi Lars, new harbour master at Lavik here. Looking forward to working with your crew.",
            "Hi Sipho, I accepted the RF engineer offer and start in your team in Midrand on the 14th.",
            "Hi Gareth, I've just taken over as Area Manager for the Swansea stores.",
            "Hi Tariq, the think-tank network has paired us on the brief about heatwaves.",
            "Hi Ola, I bought two of your ceramic mugs at the Saturday market last week.",
            "Hi Andrei, I'm the data engineer who'll be reporting to you from the 10th.",
            "Hi Kim, I'm in the Rust Discord too and liked your answer on lifetimes.",
            "Hi Alex, I read your thoughtful newsletter on pricing.",
            "Ben, your write-up on zero-downtime upgrades was great.",
            "Hi Mo, we have a few mutual connections in fintech.",
            "Hi Eve, I came across your profile while researching grid storage startups.",
            "Hi Eve, we have a shared interest in grid storage.",
            "Hi Eve, I noticed your group published on hydrometallurgy last month.",
            "Hi Eve, I listened to your episode with Lex.",
            "Hi Eve, I'm also a charge nurse, on nights in Leeds.",
            "Hi Bea, we met at the Women in Data meetup.",
            "hi dan, it's lukas from tuesday pottery class",
            "Hi Ivy, I've been using your crate in production for a year.",
            "Hi Ivy, your council's retrofit pilot keeps coming up in my research.",
            "Nice to finally put a face to all those emails, Gustavo!",
            "",
        ] {
            silent(RULE, text);
        }
    }

    /// The greeting on a line of its own reads like the greeting in the first line, and
    /// "Ama" is a person, not an AMA.
    #[test]
    fn the_greetings_line_and_the_recipients_name_change_nothing() {
        let ctx = ctx_for("Ama Boateng");
        let body = "I'm a junior architect in Kumasi. I saw you're running the earth-brick workshops in Tamale next month.";
        for text in [format!("Hi Ama, {body}"), format!("Hi Ama,\n\n{body}")] {
            assert_eq!(count_with(RULE, &text, &ctx), 0, "{text}");
        }
        assert_eq!(count_with(RULE, "Hi Ama, let's connect!", &ctx), 1);
    }

    #[test]
    fn following_their_company_counts() {
        let ctx = Context {
            recipient: crate::Recipient {
                company: Some("Acme".into()),
                ..Default::default()
            },
            ..Context::default()
        };
        let text = "Hi Sarah, I've been following Acme since the launch. Let's connect.";
        assert_eq!(count_with(RULE, text, &ctx), 0);
        assert_eq!(count_with(RULE, text, &Context::default()), 1);
    }

    #[test]
    fn their_book_by_the_title_their_headline_quotes_counts() {
        let author = |headline: &str| Context {
            recipient: crate::Recipient {
                headline: Some(headline.into()),
                ..Default::default()
            },
            ..Context::default()
        };
        let text = "Ms Pillai, the checklist in chapter 6 of Quiet Ledger caught a duplicate payment. Thank you.";
        assert_eq!(
            count_with(RULE, text, &author("Author of 'Quiet Ledger' | Former CFO")),
            0
        );
        assert_eq!(
            count_with(
                RULE,
                text,
                &author("Author of \u{201C}Quiet Ledger\u{201D}")
            ),
            0
        );
        assert_eq!(
            count_with(RULE, text, &author("Former CFO | Board member")),
            1
        );
        // A one-word title is an everyday word.
        assert_eq!(
            count_with(
                RULE,
                "Hi Meera, quiet week here. Thank you.",
                &author("Author of 'Quiet'")
            ),
            1
        );
    }

    #[test]
    fn news_of_their_company_counts_and_fault_found_with_it_does_not() {
        let at = |company: &str| Context {
            recipient: crate::Recipient {
                company: Some(company.into()),
                ..Default::default()
            },
            ..Context::default()
        };
        let ctx = at("Orbis Medical Devices");
        for text in [
            // The short form people write of a longer name.
            "Hi Patrick, I saw Orbis Medical is expanding into the Nordics. We translate IFUs.",
            "Hi Patrick, I read that Orbis Medical Devices has opened a site in Cork.",
        ] {
            assert_eq!(count_with(RULE, text, &ctx), 0, "{text}");
            assert_eq!(count_with(RULE, text, &Context::default()), 1, "{text}");
        }
        for text in [
            // Fault found with it: a seller's opening, not news.
            "Hi Patrick, I noticed Orbis Medical is struggling with its EU filings.",
            "Hi Patrick, I noticed Orbis Medical Devices isn't ranking on Google.",
            // One word of a three-word name is not their company.
            "Hi Patrick, I saw Orbis is expanding into the Nordics.",
            // Seen, but no news of it.
            "Hi Patrick, I saw Orbis Medical Devices on a list. Let's connect.",
        ] {
            assert_eq!(count_with(RULE, text, &ctx), 1, "{text}");
        }
    }

    #[test]
    fn silent_for_messages_to_connections() {
        let ctx = Context {
            kind: Kind::Message,
            ..Context::default()
        };
        assert_eq!(count_with(RULE, "Thanks for connecting, Sarah!", &ctx), 0);
    }

    #[test]
    fn detects_the_phrase_that_gives_context() {
        assert_eq!(
            found("Hi Sarah, what a RustConf talk yours was, your RustConf talk.").as_deref(),
            Some("your RustConf talk")
        );
        assert_eq!(
            found("Hi Sarah, loved your RustConf talk.").as_deref(),
            Some("loved your RustConf")
        );
        assert_eq!(
            found("Hi Sarah, I’m in the dbt Slack as well.").as_deref(),
            Some("the dbt Slack")
        );
        assert_eq!(
            found("Thanks for our chat at the booth.").as_deref(),
            Some("our chat")
        );
        assert_eq!(found("I came across your profile."), None);
        assert_eq!(found("Let's connect."), None);
        assert_eq!(found(""), None);
    }

    #[test]
    fn finding_points_after_the_greeting_without_a_fix() {
        let r = crate::analyze_bytes("Hi Sarah, let's connect.", &Context::default());
        let f = r.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end), (10, 10));
        assert_eq!(f.replacement, None);
    }

    #[test]
    fn variants_cover_contractions_and_spellings() {
        let v = variants("i'm also");
        assert!(v.contains(&"i am also".to_string()) && v.contains(&"im also".to_string()));
        assert!(variants("return the favor").contains(&"return the favour".to_string()));
    }
}

#[cfg(test)]
mod shared_past_tests {
    use crate::signals::how_found::{concrete_detail, shared_past};
    use crate::text::{Doc, Span};

    fn found(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        shared_past(
            &doc,
            0,
            &crate::lang::names::name_words(Some("Ana Ferreira")),
        )
        .map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn finds_a_shared_past_by_its_shape() {
        for (text, span) in [
            ("We chatted in the coffee queue at KubeCon.", "We chatted"),
            (
                "Hi Piotr, we was talking at TransLogistica in Warsaw.",
                "we was talking",
            ),
            (
                "We did that volunteer project together for Habitat.",
                "We did",
            ),
            (
                "we talk on phone last week about the forklift training",
                "we talk",
            ),
            (
                "Hi Raj, we overlapped at Infosys Pune back in 2014-16.",
                "we overlapped",
            ),
            ("You and I sat on the same panel.", "I sat"),
            ("Thanks, you lent us a genny last week.", "you lent"),
            (
                "I was the stylist's assistant on set on Thursday.",
                "I was the",
            ),
            (
                "I was the one asking about sample sizes at your poster.",
                "I was the",
            ),
            (
                "Hi Charlotte! Your old PGCE student (the Pi Day quiz one) here.",
                "Your old PGCE student",
            ),
            (
                "Good luck next week, from your former intern.",
                "your former intern",
            ),
            (
                "Great working the Taste of London stall together!",
                "Great working",
            ),
            (
                "Chris, good working the Taste of London stall together!",
                "good working",
            ),
            (
                "Hi Matthias, great singing next to you in the Singakademie choir this spring.",
                "great singing",
            ),
            (
                "Merhaba Ayşe, nice rowing alongside you at the Bosphorus regatta.",
                "nice rowing",
            ),
            (
                "Kate, thank you again for the photos from our wedding in June.",
                "thank you again for",
            ),
        ] {
            assert_eq!(found(text).as_deref(), Some(span), "{text}");
        }
    }

    #[test]
    fn a_concrete_detail_pins_the_context_down() {
        let detail = |text: &str| {
            let doc = Doc::new(text);
            concrete_detail(&doc, Span { start: 0, end: 1 }, 0, Some("Rob McAllister"))
                .map(|s| text[s.start..s.end].to_string())
        };
        assert_eq!(
            detail("Thanks for hosting the Sheffield UX book club, Rob.").as_deref(),
            Some("Sheffield")
        );
        assert_eq!(
            detail("We overlapped back in 2014.").as_deref(),
            Some("2014")
        );
        assert_eq!(
            detail("Loved your talk “Ship it”.").as_deref(),
            Some("Ship")
        );
        assert_eq!(
            detail("Hi Rob, I noticed we have 12 mutual connections."),
            None
        );
        assert_eq!(
            detail("Hi Rob, your post about leadership resonated with me."),
            None
        );
    }

    #[test]
    fn a_company_we_or_a_sales_claim_is_not_a_shared_past() {
        for text in [
            "We launched our new platform last week.",
            "We worked with 50 companies like yours last year.",
            "We helped three startups at Web Summit.",
            "We are talking to leaders in fintech.",
            "We were in touch.",
            "We haven't met yet but I feel like we already know each other.",
            "We never worked together, sadly.",
            "Thanks for your time and consideration.",
            "Thank you for considering my application last week.",
            "Thanks in advance!",
            "Thanks for reading, Ana.",
            "Hi Ana Ferreira from the marketing team, I sell CRM software.",
            "I'm Ana from Acme Sales.",
            "Hi Sarah, I'm Joe from Acme Corp. We help teams ship faster.",
            "This is Joe from Acme, a recruiting firm.",
            "I'm the founder of Acme, a CRM for dentists.",
            "I noticed you viewed my profile yesterday.",
            "I was the top seller.",
            "Your old website was slow; our team can fix it.",
            "Great reading your post on teamwork together with my team.",
            "Thank you so much for considering it.",
            "Would you like to chat?",
            "",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }
}
