//! `hard-sell`: a sales pitch or a meeting request in a first note: "book a demo",
//! "free trial", "limited offer", "our services", "we help companies like yours",
//! "increase your revenue", "I'd love to show you how", a price ("I can fix it for
//! $499", "rates start at $15/hr", "a $600 booking fee"; not a fee offered for their
//! time, "€350 fee plus travel"), the stock recruiter pitch ("exciting
//! opportunities", "send me your CV"),
//! get-rich schemes ("financial freedom", "40% returns last month", "100% legit"),
//! and asks for a call ("hop on a call", "15 minutes of your time", "quick 15-minute
//! call").
//!
//! **Why it matters.** The seeds say to build the relationship first: start by
//! getting to know what matters to the other person before sharing "all of the great
//! things" you have to offer, ask questions, and offer help and value. A pitch to a
//! stranger is the opposite: it asks for their money or time before there is any
//! relationship, and people accept connections, not pitches. A pitch caps the score
//! at 35; a get-rich scheme, the spam people report, at 20.
//!
//! Meetings: scheduling language ("book a call", "hop on a call", "15 minutes of your
//! time", "my calendar") is the sales cadence: always flagged, and it holds the score
//! under the 50 line (45), since it asks a stranger for their time before anything
//! else. In the labelled dev halves it fired on no good note and on 65 bad ones.
//! A plain "open to a quick call?" or "a 15-minute chat about your path?" after a
//! specific note is the light next step good notes end with, so it is only flagged
//! when the note also pitches.
//!
//! **Example.** `Hi Sarah, we help companies like yours increase revenue by 30%. Can we hop on a quick 15-minute call?`
//! **Fix** (a rewrite, not a mechanical edit): `Hi Sarah, your post on churn at Acme
//! matched what we see with B2B teams. Happy to share our retention benchmarks; how
//! do you measure churn today?`

use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::signals::sales::Sell;

pub struct HardSell;

/// The cap while a pitch is in the note.
const PITCH_CAP: u8 = 35;
/// The cap while a get-rich scheme is in the note.
const SCHEME_CAP: u8 = 20;
/// The cap while the note asks a stranger to book a call ("hop on a call").
const SALES_CALL_CAP: u8 = 45;

impl Rule for HardSell {
    fn id(&self) -> &'static str {
        "hard-sell"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        12
    }
    /// A pitch before any relationship caps the score at 45, a scheme at 20; a call
    /// request alone does not.
    fn cap(&self, cx: &Cx) -> Option<u8> {
        let sells = &cx.signals.sales;
        let any = |kinds: &[Sell]| sells.iter().any(|(_, _, s)| kinds.contains(s));
        if any(&[Sell::Scheme]) {
            Some(SCHEME_CAP)
        } else if any(&[Sell::Pitch, Sell::Prospect]) {
            Some(PITCH_CAP)
        } else {
            any(&[Sell::SalesCall]).then_some(SALES_CALL_CAP)
        }
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        for &(start, end, sell) in &cx.signals.sales {
            let shown = &cx.doc.text[start..end];
            let message = match sell {
                Sell::Prospect => "This reads as a sales opener: it is about your offer, not about them. Say how you found them and why you're writing; ask about their needs once they've accepted.".to_string(),
                Sell::Pitch => format!("“{shown}” signals a sales pitch, and people accept connections, not pitches. Start with their work or something useful you can offer; ask about their needs before you sell."),
                Sell::Scheme => format!("“{shown}” reads like a get-rich-quick scheme, and people often report these as spam. Say plainly who you are and why you're writing to this person."),
                Sell::SalesCall | Sell::Call => format!("“{shown}” asks a stranger for their time before there's any relationship. Ask a question about their work instead, and suggest a call once they've replied."),
            };
            out.push(cx.finding(self, Severity::Warning, start, end, message, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::signals::sales::prices;
    use crate::Context;

    const ID: &str = "hard-sell";

    #[test]
    fn fires_on_pitches_and_call_asks() {
        fires(
            ID,
            "We're a Shopify agency. I made a free mockup of your new homepage already.",
        );
        fires(ID, "I can get you 3 months free on our board. Let me know.");
        fires(
            ID,
            "Would love to hear, and I can also show you how our app does it in 30 seconds a day.",
        );
        fires(
            ID,
            "We partner with body shops to fill empty bays. 15 min call Thursday?",
        );
        fires(ID, "We've helped three of your competitors recover 200bps.");
        fires(
            ID,
            "I'd love 15 minutes on Tuesday to show you how we cut tail spend.",
        );
        fires(
            ID,
            "Our app is looking for podcast partners at 30% affiliate commission.",
        );
        fires(
            ID,
            "I'm part of a community of women earning six figures with skincare.",
        );
        fires(
            ID,
            "Hi Sarah, we help companies like yours increase revenue by 30%.",
        );
        fires(ID, "Would you like to book a demo of our platform?");
        // A free thing a seller gives away, with words between.
        fires(
            ID,
            "Our receptionist app books more visits. Free 14-day pilot!",
        );
        fires(ID, "Happy to run a free, no-obligation valuation for you.");
        silent(
            ID,
            "I passed after attending your firm's free assessment days.",
        );
        silent(ID, "Could you send me one for free to demo at our meetup?");
        // Money they saved the sender is no price; money promised to them is.
        silent(
            ID,
            "Your episode on transfer fees saves me about £30 a month. Keep it going.",
        );
        fires(ID, "Our app can save you £200 a month on fuel cards.");
        // Pay-to-play: a price asked of the speaker.
        fires(
            ID,
            "We'd like you as a keynote. Speaker packages start at $2,500.",
        );
        fires(
            ID,
            "As with all panellists, we ask for a small $99 contribution.",
        );
        // A fee offered to them for a talk or a piece is no price; one charged is.
        silent(
            ID,
            "Could you give a 30-min talk on 20 September? We can offer a small fee.",
        );
        fires(
            ID,
            "I can write your newsletter every week for a small fee.",
        );
        // How their firm, by name, handles something, before a word of the sender's.
        fires(
            ID,
            "Quick question: how is Kilbrannan handling cyber risk? We run tabletop exercises.",
        );
        silent(
            ID,
            "How is Kilbrannan handling the cask shortage? I loved your post on it.",
        );
        // A claim with a number about the sender's product or what it does for others.
        fires(
            ID,
            "Quick q: we're saving textile exporters 22% on freight.",
        );
        fires(ID, "Our AI dialer books 3x more meetings for SDR teams.");
        fires(
            ID,
            "We've helped other grocers cut it by 80% with our sensors.",
        );
        silent(
            ID,
            "Your talk helped us cut churn 20% this year, thank you.",
        );
        silent(ID, "We've cut kiln downtime 11% since your visit. Thanks!");
        // Their own offer, seen or used by the sender, is no pitch.
        silent(
            ID,
            "I'm a teacher in Recife and I attended your free webinar on feedback for B2 writing.",
        );
        silent(
            ID,
            "A mother in our parents group shared your free guide on bilingual speech delay.",
        );
        fires(ID, "Here's the link to claim your free trial.");
        // What the sender's firm does, then samples or a briefing offered.
        fires(
            ID,
            "We produce short-form video for restaurant brands. I'll send a few samples.",
        );
        fires(
            ID,
            "We've helped another diocese centralise giving. Could I brief your team next week?",
        );
        // Signing up to what they offer makes the sender a customer, not a seller.
        fires(ID, "Sign up for our free webinar on Thursday!");
        silent(
            ID,
            "I attended your beginners' class in Lyon, and I'll sign up for the intermediate one.",
        );
        silent(
            ID,
            "I might sign up for one of your short courses at the college.",
        );
        silent(
            ID,
            "You chose the other vendor, and your feedback on our pricing was fair and useful.",
        );
        fires(ID, "Open to seeing our pricing? Totally fine if not.");
        fires(
            ID,
            "I'd love your honest feedback on our platform over a 30-minute Zoom.",
        );
        // A product counted by its customers.
        fires(
            ID,
            "We've built a smart-city platform used by 12 European municipalities.",
        );
        fires(
            ID,
            "Our feedback board is used by 2,000 SaaS teams and I think you'd love it.",
        );
        silent(
            ID,
            "The parsing library you maintain is used by 40 teams here, thank you for it.",
        );
        fires(
            ID,
            "We supply single-use bioreactor bags and often help new sites de-risk supply.",
        );
        fires(
            ID,
            "I'd love to introduce our precision bearings, used by leading manufacturers.",
        );
        fires(
            ID,
            "I lead QA at a contact centre too and I think you'd love our speech analytics tool.",
        );
        fires(
            ID,
            "We place contract validation engineers within two weeks.",
        );
        fires(
            ID,
            "We've helped food producers cut energy use. Could I send you a short case study?",
        );
        fires(
            ID,
            "Our rapid sterility kit gives results in 48 hours. Happy to send a free sample.",
        );
        silent(ID, "Your cold-chain paper used our district as a case study, and the fridge you describe still runs.");
        // Paying to take part is a sale too.
        fires(
            ID,
            "Join our summit as a speaker! There's a small speaker fee of $299 to cover production.",
        );
        fires(
            ID,
            "Would your ministry be interested in our rapid test kits at wholesale price?",
        );
        fires(ID, "Start your free trial today, it's a limited offer!");
        // A sales walk-through, a price list.
        fires(ID, "We've built exactly the layer you described. Could I walk you through it for 20 minutes?");
        fires(
            ID,
            "We make bakeries famous on TikTok. Can I send you our price list?",
        );
        // Selling on price.
        fires(
            ID,
            "We're a CRO offering patient recruitment at competitive rates.",
        );
        fires(
            ID,
            "I'd like to offer my retail consultancy. My fees are very reasonable.",
        );
        fires(ID, "Can we hop on a quick 15-minute call this week?");
        fires(ID, "Could I have 15 minutes of your time?");
        fires(
            ID,
            "I'd love to show you how our tool can boost your sales.",
        );
        fires(
            ID,
            "Check out our pricing plans, there's a discount code inside.",
        );
        // A price as a vendor says it, and leave asked to phone.
        fires(
            ID,
            "We are top supplier of cement from Turkey and give best price.",
        );
        fires(ID, "Who supplies your panels? We'll beat any price.");
        // Their current supplier put in doubt.
        fires(
            ID,
            "Which test lab is your team using now? Open to switching?",
        );
        fires(
            ID,
            "I'd love to hear how the team finds its scheduling system, and whether you'd consider switching to ours.",
        );
        fires(
            ID,
            "Quick question: are you happy with your current accounting software?",
        );
        silent(
            ID,
            "Glad the switch went well; your post on the new rota was spot on.",
        );
        fires(
            ID,
            "I could list your pots this week for a small monthly fee.",
        );
        // Leave to phone is part of the pitch it follows, and no sale alone.
        let text = "Who supplies your panels? Mind if I ring tomorrow?";
        let report = crate::analyze_bytes(text, &Context::default());
        assert!(report
            .findings
            .iter()
            .any(|f| f.rule == ID && &text[f.start..f.end] == "Mind if I ring"));
        silent(
            ID,
            "Loved your post on battery installs, mind if I ring you tomorrow?",
        );
        silent(
            ID,
            "Your post on getting the best price for lamb at the Builth sales was spot on.",
        );
    }

    #[test]
    fn schemes_buying_and_paying_to_publish() {
        // The pay of a job offered to them is no price, and an employer hiring no seller.
        silent(
            ID,
            "I'm booking a spring tour and need a production manager at $1,500 a week. Interested?",
        );
        silent(
            ID,
            "My agency is hiring an LCSW for school-based work; I'll send it over.",
        );
        // A role at the sender's firm offered to them; a recruiter's template is no offer.
        silent(
            ID,
            "Sorry about the layoffs. Would you be open to a chat about a contract role at our agency?",
        );
        silent(
            ID,
            "I'm now hiring at Cobalt Studio and would love to tell you about our TA role.",
        );
        fires(
            ID,
            "I help careers advisers with our psychometric tool. I think you'll find our free trial eye-opening.",
        );
        // Advance-fee fraud by its words; grief told sincerely is not.
        fires(
            ID,
            "I am dying and want to leave my inheritance fund to a trusted person like you.",
        );
        silent(
            ID,
            "You found me a first edition of Selborne. My late wife would have been thrilled!",
        );
        fires(
            ID,
            "Old buddy from the warehouse days! My crypto project is about to moon, get in early.",
        );
        fires(
            ID,
            "Great to meet you at the AWS Summit! Here is the link to my MLM opportunity.",
        );
        fires(
            ID,
            "I'm asking all my old friends to buy my product to help me get started.",
        );
        fires(
            ID,
            "Dear Colleague, we are pleased to invite you to publish in our journal.",
        );
        silent(
            ID,
            "Hi Sam, I read your paper on MLMs and consumer debt; how did you get the data?",
        );
        // Publication sold by its speed and indexing, and a fee to claim a prize.
        fires(
            ID,
            "Dear Dr. Demir, your paper is invited. Indexed in all major databases, published within 2 weeks.",
        );
        fires(
            ID,
            "Congratulations! You've been named a Top 40 innovator; a small processing fee confirms it.",
        );
        silent(
            ID,
            "Dear Prof. Vogel, I used your groundwater dataset in my thesis and cited your group.",
        );
    }

    #[test]
    fn asking_who_buys_is_prospecting() {
        fires(
            ID,
            "Hi Declan, we were both at the site safety day. Who signs off on scaffolding at Ashgrove?",
        );
        fires(
            ID,
            "Hi Kwame, loved your post. Are you the decision maker for routing software?",
        );
        fires(
            ID,
            "Quick one after your webinar: when does the LMS contract come up for renewal?",
        );
        fires(
            ID,
            "Nice meeting you at the food show. Quick question: who handles your linen service?",
        );
        silent(
            ID,
            "I'm a test engineer here and have one question about who approves flags for trials.",
        );
        silent(
            ID,
            "Your episode on the soap factories is my dream project. Could I ask who handles rights?",
        );
        silent(
            ID,
            "Your talk on how councils decide on bike racks was the clearest I've heard.",
        );
    }

    #[test]
    fn the_senders_own_team_is_not_for_sale() {
        silent(
            ID,
            "Your PyCon AU talk on typing legacy Django was excellent; I shared it with our platform team.",
        );
        silent(
            ID,
            "Our product team loved your post on onboarding checklists.",
        );
        fires(
            ID,
            "Would you like a tour of our platform? It saves hours a week.",
        );
        // Work passed on to them: a client of the sender's is a lead, not a pitch.
        silent(
            ID,
            "Hi Yuki, a client of ours in Kyoto is looking for a lighting designer. Ok if I pass on your details?",
        );
    }

    #[test]
    fn prices_asked_of_them() {
        fires(
            ID,
            "I'd love you to be a guest. Just one thing, there's a $200 fee to cover production.",
        );
        fires(
            ID,
            "We can build you a modern site in 1 week for only $999.",
        );
        fires(
            ID,
            "I've attached the £20k package. Can you sign off this week?",
        );
        fires(ID, "Fast publication in 7 days. APC only $150.");
        fires(
            ID,
            "We'd love you to speak at our summit! Speaking slots are $3,000 and include a booth.",
        );
        fires(
            ID,
            "Hi Daniel, we have an exclusive on our Series A that's perfect for your readers. Press kit attached.",
        );
        fires(
            ID,
            "I can get you to 200+ viewers in two weeks with my network. Want me to send pricing?",
        );
        fires(
            ID,
            "We're a tea brand; our bundle would suit your audience. Could we send a gift box and talk rates?",
        );
        fires(
            ID,
            "Our device is already approved in Texas. I can get you pricing by Friday.",
        );
        silent(
            ID,
            "Your talk on rate limits was great; happy to share our numbers on retries if useful.",
        );
        fires(
            ID,
            "Our producers want you on the show. There's a $600 booking fee that covers editing.",
        );
        fires(ID, "To keep it live, please pay a $99 fee this week.");
        fires(
            ID,
            "Panel seats are included with our Gold partnership (£4,500), with a booth.",
        );
        // A fee offered to them for their time.
        silent(
            ID,
            "Would you join the tasting jury on 18 May? €350 fee plus travel and a night in Besançon.",
        );
        silent(
            ID,
            "Could you guest lecture for an hour in May (₩300,000 fee)? Online is fine.",
        );
        silent(
            ID,
            "Would you speak at our meetup in May? We pay a €300 fee and travel.",
        );
        silent(ID, "Congrats on raising $20M, only two years in!");
        silent(
            ID,
            "Your post on the $99 plan made me rethink how I price my course.",
        );
    }

    #[test]
    fn prices_schemes_and_the_stock_recruiter_pitch() {
        fires(
            ID,
            "Would you be interested in outsourcing your development? Rates start at $15/hr.",
        );
        fires(
            ID,
            "We have a C2C role for an SAP consultant in NJ. Rate $55/hr.",
        );
        // The pay of a role the sender is recruiting for.
        silent(
            ID,
            "Hi Dermot, I'm recruiting electricians for a new data centre build in Meath, €32/hr plus travel.",
        );
        fires(
            ID,
            "Hi Mr Kowalski, your company's website looks outdated. I can fix it for $499. Interested?",
        );
        fires(
            ID,
            "Hi Isabel, we are a leading global executive search firm with 40 offices in 25 countries.",
        );
        fires(
            ID,
            "We'd love to help modernise your ERP. Free for a demo next week?",
        );
        fires(
            ID,
            "Many universities struggle with retention. Our SaaS solves that.",
        );
        fires(
            ID,
            "Our leadership retreat in Dubai is invite-only. Reserve your spot today.",
        );
        fires(
            ID,
            "Is your business protected? We offer key person insurance at special rates. Shall I send a quote?",
        );
        fires(
            ID,
            "My 8-week resilience programme could help your staff. Happy to send a proposal!",
        );
        fires(
            ID,
            "We're a tech recruitment agency with 4,000 developers. Our fee is only 15%.",
        );
        fires(
            ID,
            "I'd love to find some time to show you what we're building.",
        );
        fires(
            ID,
            "We build Shopify stores, packages from ₦350k. Want me to send examples?",
        );
        fires(
            ID,
            "Hi Thomas, I designed your website in 2019. I can redo it for a special price if you sign up this month.",
        );
        fires(
            ID,
            "Hi Sophie, remember me from Tesco? I'd love to run paid sessions for your whole HR team.",
        );
        fires(
            ID,
            "Adaeze, your shea butter line is gorgeous! Let me know if you'd like a quote for a refresh.",
        );
        fires(ID, "Our retainer is €900 a month.");
        fires(
            ID,
            "I have an exciting opportunity for you, send me your CV.",
        );
        fires(
            ID,
            "Hey girl! I'm building a team of boss babes who want financial freedom.",
        );
        fires(
            ID,
            "Camille! It's Manon from Lycée Hugo. You'd be perfect for my team, it's flexible income alongside the pharmacy.",
        );
        fires(ID, "Are you open-minded to hearing about a new business?");
        fires(
            ID,
            "I made 40% returns last month trading BTC. 100% legit, no risk.",
        );
        let scheme = "Hi Sarah, loved your RustConf talk on wasm tooling. I made 40% returns last month trading BTC with an expert mentor, want in?";
        assert!(crate::analyze(scheme, &Context::default()).score.unwrap() <= SCHEME_CAP);
        // Amounts that are not prices, and percentages that are not returns.
        silent(
            ID,
            "Hi Alicia, congrats on the $20M Series B. I work with fintech teams at this stage.",
        );
        silent(
            ID,
            "Your post on cutting churn by 40% was great; how did you measure it?",
        );
        silent(ID, "I'm working from home these days, in Lisbon.");
        silent(
            ID,
            "Congrats on growing the team from 12 to 40 and revenue from $2M in a year!",
        );
        assert_eq!(
            prices("$15/hr, £300 a day, 20% off, 40% returns, $20M round, 2024"),
            vec![
                (0, 6, Sell::Pitch),
                (8, 19, Sell::Pitch),
                (21, 28, Sell::Pitch),
                (30, 41, Sell::Scheme)
            ]
        );
    }

    #[test]
    fn webinars_and_calendar_grabs() {
        fires(
            ID,
            "Hi, join my free webinar on LinkedIn growth hacks this Friday!",
        );
        fires(
            ID,
            "Keen to get 20 minutes in your diary before the quarter closes.",
        );
        fires(ID, "Please let me know a convenient time for a call.");
        fires(ID, "I can get you a quote in 5 minutes, just reply YES.");
        fires(ID, "Sending our deck over now, let's talk Monday.");
        // The sender's own deck, cut on their advice, is no pitch.
        silent(
            ID,
            "I took your advice and cut our deck from 22 slides to 11. Thank you!",
        );
        silent(ID, "Hi Ana, I loved your webinar on sepsis triage last week. How did you train the night staff?");
    }

    #[test]
    fn a_meeting_booked_for_this_or_next_week_is_a_sales_call() {
        let note = "Hi Alexandra, your episode on repeat founders was great. We're raising a seed. Could I get 30 minutes on your calendar next week?";
        assert_eq!(count(ID, note), 1);
        assert_eq!(
            crate::analyze(note, &Context::default()).score,
            Some(SALES_CALL_CAP)
        );
        assert_eq!(
            count(ID, "Need 20 mins this week to discuss our Series A."),
            1
        );
        silent(ID, "Hi Tom, the minutes of this week's board meeting are in the shared drive, as promised after your talk.");
    }

    #[test]
    fn a_light_call_request_is_not_a_pitch() {
        silent(ID, "Hi Inês, your paper on drought legacy effects overlaps with our dune dataset. Interested in a quick call about a comparison?");
        silent(ID, "Hi Mei, I'm a student at Cornell and saw your move to revenue management. Would you be open to a 15-minute chat about your path?");
        // With a pitch it is part of the pitch.
        assert_eq!(
            count(
                ID,
                "We help companies like yours cut churn. Open to a quick call?"
            ),
            2
        );
    }

    #[test]
    fn silent_on_relationship_first_notes() {
        silent(
            ID,
            "Hi Sarah, loved your RustConf talk on wasm tooling. How do you test the linker?",
        );
        silent(
            ID,
            "I read your post on usage-based pricing; the part on seat limits was new to me.",
        );
        silent(ID, "Your demo at RustConf was great.");
        silent(
            ID,
            "We met at the Rust meetup; happy to share our benchmarks if useful.",
        );
        silent(
            ID,
            "I'm not trying to book a demo, just curious how you measure churn.",
        );
        silent(
            ID,
            "Your talk on measuring the ROI of developer experience was great.",
        );
        silent(ID, "");
    }

    #[test]
    fn one_finding_per_phrase_and_no_fix() {
        // "We help companies like yours" is one finding: overlapping phrases merge.
        let text = "We help companies like yours. Book a demo or hop on a call.";
        assert_eq!(count(ID, text), 3);
        let r = crate::analyze_bytes(text, &Context::default());
        assert!(r
            .findings
            .iter()
            .filter(|f| f.rule == ID)
            .all(|f| f.replacement.is_none()));
    }

    #[test]
    fn a_pitch_caps_the_score_lower_than_a_call_ask() {
        let pitch = "Hi Sarah, I loved your RustConf talk on wasm tooling and the linker part. We help companies like yours ship wasm faster; happy to share our benchmarks. How do you test the linker today?";
        assert!(crate::analyze(pitch, &Context::default()).score.unwrap() <= PITCH_CAP);
        let call = "Hi Sarah, I loved your RustConf talk on wasm tooling and the linker part. I'm building a linter and happy to share our benchmarks. Could we hop on a call?";
        let r = crate::analyze(call, &Context::default());
        assert_eq!(count(ID, call), 1);
        assert_eq!(r.score, Some(SALES_CALL_CAP));
        assert_eq!(r.capped_by.as_deref(), Some(ID));
        // Without the scheduling words the same note is over the line.
        let plain = call.replace(
            " Could we hop on a call?",
            " What made you pick that linker?",
        );
        assert!(crate::analyze(&plain, &Context::default()).score.unwrap() > 50);
    }
}
