//! `wrong-company`: the note places the recipient at a company their profile does not
//! name: "your work at Google" to someone at Stripe, "congrats on the move to Revolut"
//! to someone whose profile says Monzo. Only phrases about where they are now count
//! ("your work/role/team at", "what you're building at", "you're at", "congrats on
//! joining", "your move to", "congrats on 5 years at", "a fellow Acme colleague", "a
//! fellow marketing leader at", "we're both PMs at", "your Acme booth", "you're the
//! Head of Engineering at", "you work at", "your promotion to Principal at", "hope all
//! is well at", "congrats on Brightside's Series C", "your Medium post about starting
//! the club at");
//! a shared past ("miss working with you at Accenture") is not about their current job.
//! Silent when neither their company nor their headline is known.
//!
//! **Why it matters.** Like a wrong name, a wrong company is the mark of a template
//! copied from one person to the next; the seeds' first rule for connection requests
//! is to personalise, and a detail that is wrong is worse than none. An error: it caps
//! the score at 30.
//!
//! **Example** (recipient at Monzo): `Hi Priya, congrats on the move to Revolut!`
//! **Fix**: `Hi Priya, congrats on the move to Monzo!` (their company from the profile;
//! without a known company, the message says which company the profile shows).

use super::{Cx, Rule};
use crate::lang::en::PAST_MARKERS;
use crate::report::{Category, Finding, Severity};
use crate::signals::employer::{claimed, name_at, name_words};
use crate::text::Doc;

pub struct WrongCompany;

/// The cap while the rule fires.
const CAP: u8 = 30;

/// Their company as a fix, when the note will read it back as one name: "Monzo",
/// "Ministry of Health, Kenya"; not a lower-case or punctuated string ("acme?! your
/// take"), which would read as more words and claims of its own.
fn as_fix(company: &str) -> Option<String> {
    let doc = Doc::new(company);
    let whole = !doc.tokens.is_empty()
        && doc.sentences.len() == 1
        && name_at(&doc, 0) == Some((0, doc.tokens.len()));
    whole.then(|| company.to_string())
}

/// The headline without the parts it says are past: "Head of Sales at Rappi | formerly
/// Uber" is at Rappi, not Uber; likewise "ex-Atlassian", "previously SAP".
fn present(headline: &str) -> String {
    headline
        .split(['|', '·', '•', ';', ',', '(', ')', '/'])
        .filter(|part| {
            let first = crate::text::lower(part.split_whitespace().next().unwrap_or(""));
            !(PAST_MARKERS.contains(&first.as_str()) || first.starts_with("ex-"))
        })
        .collect::<Vec<_>>()
        .join("|")
}

impl Rule for WrongCompany {
    fn id(&self) -> &'static str {
        "wrong-company"
    }
    fn category(&self) -> Category {
        Category::Personal
    }
    fn penalty(&self) -> u8 {
        10
    }
    fn cap(&self, _cx: &Cx) -> Option<u8> {
        Some(CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let r = &cx.ctx.recipient;
        let company = r
            .company
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let headline = r.headline.as_deref().unwrap_or("");
        if company.is_none() && headline.trim().is_empty() {
            return;
        }
        let doc = cx.doc;
        let claims = claimed(doc);
        if claims.is_empty() {
            return;
        }
        let company_words = company.map(name_words).unwrap_or_default();
        let known: Vec<String> = company_words
            .iter()
            .cloned()
            .chain(name_words(&present(headline)))
            .collect();
        for (i, j) in claims {
            let (start, end) = (doc.tokens[i].start, doc.tokens[j - 1].end);
            let claimed = &doc.text[start..end];
            let words = name_words(claimed);
            // A template field ("your work at COMPANY_NAME") is unfilled-placeholder's.
            let field = !crate::signals::placeholders::find(claimed).is_empty();
            // Theirs when every word of it is on their profile ("Monzo's fraud team"), or
            // it holds their whole company ("Google DeepMind" for Google); "Kumo
            // Payments" for Kumo Robotics is not.
            // "RPBW" for Renzo Piano Building Workshop, "T&T" for Turner & Townsend: their
            // company by its initials.
            let initials: String = company_words
                .iter()
                .filter_map(|w| w.chars().next())
                .collect();
            let spelled = words.len() == 1 || words.iter().all(|w| w.chars().count() == 1);
            // "Poli Torino" for Politecnico di Torino: a word cut short.
            let known_word = |w: &String| {
                known.contains(w)
                    || (w.len() >= 4 && known.iter().any(|k| k.starts_with(w.as_str())))
            };
            // "your first trustee role at 58": an age or a time, not a company.
            let number = words.iter().all(|w| w.chars().all(|c| c.is_ascii_digit()));
            let same = number
                || words.iter().all(known_word)
                || (!company_words.is_empty() && company_words.iter().all(|w| words.contains(w)))
                || (spelled && initials.len() >= 2 && words.concat() == initials);
            if field || words.is_empty() || same {
                continue;
            }
            let shown = company.unwrap_or(headline.trim());
            let message = format!("This note says they're at “{claimed}”, but their profile says “{shown}”. A wrong company makes the note look meant for someone else.");
            out.push(cx.finding(
                self,
                Severity::Error,
                start,
                end,
                message,
                company.and_then(as_fix),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::{Context, Recipient};

    const ID: &str = "wrong-company";

    /// Asserts that the rule reports exactly `n` findings on each of `texts`.
    fn counts(ctx: &Context, n: usize, texts: &[&str]) {
        for text in texts {
            assert_eq!(count_with(ID, text, ctx), n, "{text}");
        }
    }

    fn at(company: &str, headline: &str) -> Context {
        Context {
            recipient: Recipient {
                name: Some("Priya Nair".into()),
                headline: (!headline.is_empty()).then(|| headline.to_string()),
                company: (!company.is_empty()).then(|| company.to_string()),
            },
            ..Context::default()
        }
    }

    #[test]
    fn fires_on_a_company_their_profile_does_not_name() {
        let monzo = at("Monzo", "Senior Product Manager at Monzo");
        counts(&monzo, 1, &[
            "Priya! Congrats on the move to Revolut, miss working with you at Accenture.",
            "Hi Priya, congrats on joining Revolut!",
            "Hi Priya, I admire your work at Revolut.",
            // A few describing words between "your" and the work.
            "Hi Priya, I've followed your multi-asset work at M&G for a while.",
            "Hi Priya, impressed by your machine learning work at Petrosul.",
            "Hi Priya, your group's work at DLR is what we use.",
            "Hi Priya, I see you're now at Bank of America.",
            "Hi Priya, Bruna told me you're leading the churn work at Revolut these days.",
            "Hi Priya, I hear you are building the data team at Revolut.",
            "Hi Priya, how is your new role at Revolut going?",
            "Hi Priya, congrats on your promotion to Principal at Dallas ISD!",
            "Hi Priya, congrats on your new role as CFO at Revolut.",
            "Hi Dr. Priya, congratulations on your tenure at Revolut!",
            "Hi Priya, congrats on 5 years at Microsoft!",
            "Hi Priya, loved hearing about what you're building at Revolut.",
            "Hi Priya, congrats on everything you've achieved at Revolut.",
            "Hi Priya, how is everything at Revolut? I saw the card launch.",
            "Hi Priya, how's the ERP migration going at Revolut? I went through one last year.",
            "Hi Priya, congrats on everything at Revolut!",
            "Hi Priya, I've been following the work the team at Netflix is doing; I'd love to hear about your role there!",
            "Hi Priya, as a fellow Revolut colleague, great to see the launch!",
            "Hi Priya, good to see a fellow Bank of Scotland manager on here.",
            "Hi Priya, great to meet a fellow Scottish Widows person at the pensions day.",
            "Priya! Congrats on the new job at Square, you'll crush it.",
            "Hi Priya, as a fellow product leader at Revolut I thought we should connect!",
            "Hi Priya, we're both product managers at Revolut so it makes sense to connect.",
            "Hi Priya, we met at your Revolut booth at Money20/20!",
            "Hi Priya, we met at your IBM booth at Money20/20!",
            "Hi Priya, I noticed you're the Head of Engineering at Stripe.",
            "Hi Priya, I see you are a designer at Revolut.",
            "Hi Priya, I see you are site manager at Revolut.",
            "Hi Priya, saw you work at Revolut.",
            "Hi Priya, I see you now work at Revolut.",
            "Hi Priya, hope all is well at Revolut! Loved your article on card fraud.",
            "Hi Priya, hope all's well at Revolut.",
            "Priya, hoping things are going great at Revolut.",
            "Hi Priya, hope you're doing well at Revolut these days.",
            "Priya, congrats on the amazing work at Revolut!",
            "Hi Priya, I admired your work as lead designer at Revolut.",
            "Priya, congrats on making partner at Revolut!",
            "Priya, congrats to the whole Revolut team on the card launch!",
            "Hi Priya, as Revolut's product lead you must be busy.",
            "Dear Priya, I admire your leadership at Revolut.",
            "Priya, as a product manager at Revolut you must be busy.",
            "Hi Priya, saw that you've joined Revolut as lead on the card launch.",
            "Hi Priya, saw that you have joined Revolut as lead on the card launch.",
            // What they do there, with its object.
            "Hi Priya, loved hearing how you build the fraud roadmap at Revolut.",
            "Hi Priya, I noticed you lead the NICU at Revolut.",
            "Hi Priya, I saw you work for Revolut.",
            "Hi Priya, I see you're working for Revolut now.",
            "Hi Priya, great to see you're now with Revolut!",
            "Hi Priya, I noticed you're with Revolut these days.",
            // Their company's news, in congratulations.
            "Hi Priya, congratulations on Revolut's Series C!",
            "Hi Priya, congratulations on Oasis Resorts' record season!",
            "Hi Priya, congrats on the new role heading up customer success at Revolut.",
            "Priya, congrats on Greyhaven's results this quarter, the margin recovery was impressive.",
            // Their own work written up, with a word or two before it.
            "Hi Priya, I enjoyed your Medium post about starting the fraud guild at Revolut.",
            "Hi Priya, your recent article on building the card team at Revolut was great.",
            // What their work is about or does, then where.
            "Hi Priya, I follow your work on GaN epitaxy at Infineon Villach with interest.",
            "Hi Priya, great to see your work leading volunteers at Swedish Medical Center!",
            "Hi Priya, your research on card fraud at Revolut at PyCon was great.",
            // The one they see or meet, from somewhere.
            "Hi Priya, great to see someone from Revolut helping so generously.",
            "Hi Priya, always nice to meet someone else from the Revolut analytics team.",
        ]);
        let r = crate::analyze(
            "Hi Priya, congrats on joining Revolut! Loved your post on card fraud at RustConf.",
            &monzo,
        );
        assert!(r.score.unwrap() <= CAP);
    }

    #[test]
    fn silent_on_their_own_company_a_shared_past_or_without_a_profile() {
        let monzo = at("Monzo Bank Ltd", "");
        counts(
            &monzo,
            0,
            &[
                "Hi Priya, congrats on joining Monzo!",
                "Hi Priya, how's life at Monzo these days?",
                "Hi Priya, how's the grid work going at Monzo?",
                // The sender's own work somewhere else, not a question about theirs.
                "Hi Priya, we're trying to get Day 0 mobilisation going at Wagga. How did you start?",
                // An event they speak at, not where they work.
                "Hi Priya, saw we're both speaking at Ops Summit in April.",
                // An age, not a company.
                "Hi Priya, I heard you on a podcast about getting your first board role at 58.",
                "Hi Priya, congratulations on Monzo's Series C!",
                "Hi Priya, congrats on Monzo's record year!",
                "Hi Priya, I enjoyed your Medium post about starting the fraud guild at Monzo.",
                // A list or an award, not their company's news.
                "Hi Priya, congrats on Forbes's 30 Under 30, well deserved!",
                "Hi Priya, congratulations on TechCrunch's award!",
                // Another company's news.
                "Hi Priya, your post on Revolut's new card made me think.",
                "Hi Priya, I saw you work for Monzo.",
                "Hi Priya, I know you work for a charity too.",
                "Hi Priya, would you like to work for Revolut?",
                "Hi Priya, I admire your work at Monzo's fraud team.",
                "Hi Priya, I follow your work on card fraud at Monzo with interest.",
                // The sender's place, or another "at", between.
                "Hi Priya, your work on card fraud is great; I work at Revolut.",
                "Hi Priya, great to see someone from Monzo helping so generously.",
                "Hi Priya, I know someone from Revolut who would like your post.",
                "Hi Priya, your work on fraud, which I saw at Revolut's meetup, helped.",
                "Hi Priya, miss working with you at Accenture.",
                "Hi Priya, you managed me at Revolut for two years.",
                "Hi Priya, you lead a team and I work at Revolut.",
                "Hi Priya, loved the talk you gave at Revolut's meetup.",
                "Hi Priya, it's Li Na from your old team at Revolut.",
                "Hi Priya, I was an SDR on your team at Oracle in 2016.",
                "Hi Priya, I was in your team at Revolut before you left.",
                "Hi Priya, I ran the team during your internship at Careem in 2022.",
                "Hi Priya, loved your work at Revolut back in 2019.",
                "Hi Priya, we met at RustConf last year.",
                "Hi Priya, I joined Revolut last month and loved your talk.",
                "Hi Priya, your talk at RustConf was great.",
                "Hi Priya, I noticed your work at COMPANY_NAME.",
                "Hi Priya, I spent 5 years at Microsoft before Monzo.",
                "Hi Priya, I started as a nurse at Guy's before moving into product.",
                "Hi Priya, congrats on your promotion to Director at Monzo!",
                "Priya, congrats on making partner at Monzo!",
                "Priya, congrats to the whole Monzo team on the card launch!",
                // An event's team, not where they work.
                "Priya, congrats to the RustConf team on a great week.",
                "Hi Priya, you're making waves at Revolut's rival, I hear.",
                "Hi Priya, what you're building at Monzo is great.",
                "Hi Priya, fellow McGill alum here!",
                "Hi Priya, fellow nurse here (nights at Houston Methodist). Loved your post.",
                // A nationality or a school year names no employer.
                "Hi Priya, as a fellow Nigerian nurse I loved your post on night shifts.",
                "Hi Priya, I am a fellow Grade 6 teacher from Cavite and joined your webinar.",
                "Hi Priya, fellow Purdue Formula SAE alum here.",
                "Hi Priya, we were both interns at Revolut back in 2015.",
                "Hi Priya, as a fellow product leader at Monzo, great to see the launch!",
                // Their company by name, then the sender: not "Monzo and I".
                "Hi Priya, I see your very good work at Monzo and I want to learn from you.",
                // Not across a past, a little word or a contraction.
                "Hi Priya, loved your old data team at Revolut.",
                "Hi Priya, I read your notes about work at Fernway.",
                // "fellow" as the sender's own post, not before a role they share.
                "Hi Priya, I'm a nephrology fellow at Emory writing a proposal on your data.",
                "Hi Priya, I loved your Monzo booth at Money20/20.",
                // A stand at an event, named by the event.
                "Hi Priya, we talked at your Fintech Week stand about card fraud.",
                // A show's acronym that is no well-known employer: their booth at MIHAS.
                "Hi Priya, thank you for explaining the audit steps at your MIHAS booth.",
                "The team at Netflix is hiring; I saw it on their blog.",
                "Hi Priya, saw you're speaking at RustConf next week.",
                "Hi Priya, you're the reason I applied at Revolut.",
                "Hi Priya, I see you're the Head of Product at Monzo.",
                "Hi Priya, you work at Monzo, I work at Revolut.",
                "Hi Priya, so pleased to see you joined MB!",
                "Hi Priya, hope all is well at Monzo!",
                "Hi Priya, I hope the launch went well at Revolut's office.",
                "Hi Priya, your feedback was spot on and I got the graduate role at Revolut.",
                "Hi Priya, congrats on the amazing work at Monzo!",
                "Hi Priya, congrats on your appointment as Monzo's product director.",
                "Hi Priya, as Revolut's biggest fan I loved your talk.",
            ],
        );
        assert_eq!(
            count_with(
                ID,
                "I work as a product manager at Revolut, you might know it.",
                &monzo
            ),
            0
        );
        // A past employer in the headline ("ex-", "formerly") is not where they are.
        let text = "Hi Nicole, love the culture you've built at Atlassian!";
        assert_eq!(
            count_with(
                ID,
                text,
                &at("Canva", "Head of People at Canva | ex-Atlassian")
            ),
            1
        );
        assert_eq!(
            count_with(
                ID,
                text,
                &at("Canva", "Head of People | Canva, formerly Atlassian")
            ),
            1
        );
        assert_eq!(
            count_with(
                ID,
                text,
                &at("Canva", "Head of People at Canva | Atlassian")
            ),
            0
        );
        // Their company by its initials, with or without the ampersand.
        let tt = at("Turner & Townsend", "Senior Quantity Surveyor | MRICS");
        counts(
            &tt,
            0,
            &[
                "Hi Daniel, saw you're at T&T now.",
                "Hi Daniel, saw you're at TT now.",
            ],
        );
        assert_eq!(count_with(ID, "Hi Daniel, saw you're at T&G now.", &tt), 1);
        // The headline names the company when the company field is empty.
        assert_eq!(
            count_with(
                ID,
                "I admire your work at Stripe.",
                &at("", "Staff Engineer at Stripe")
            ),
            0
        );
        silent(ID, "Hi Priya, congrats on joining Revolut!");
    }

    #[test]
    fn a_name_cut_short_is_theirs() {
        let poli = at("", "Retired engineer | Politecnico di Torino alumnus");
        counts(
            &poli,
            0,
            &["Ciao Giovanni, fellow Poli Torino engineer here!"],
        );
        counts(&poli, 1, &["Ciao Giovanni, I admire your work at Polimi."]);
    }

    #[test]
    fn a_well_known_employer_said_to_be_theirs() {
        let ocado = at("Ocado Technology", "Analytics Manager at Ocado Technology");
        counts(&ocado, 1, &[
            "Hi Priya, I read your post on guardrail metrics at Deliveroo and it changed my dashboards.",
            "Hi Priya, sorry to see you were laid off from Infosys!",
            "Hi Priya, big fan of your reporting at the BBC!",
        ]);
        counts(&ocado, 0, &[
            "Hi Priya, I'm a data analyst at Deliveroo and loved your forecasting post.",
            "Hi Priya, I was laid off from Infosys last year and your post helped.",
            "Hi Priya, your years at Deliveroo clearly shaped your forecasting post.",
            "Hi Priya, loved your talk at Google I/O on demand forecasting.",
            "Hi Priya, your forecasting beats anything like Deliveroo's.",
            "Hi Priya, your post on Ocado's forecasting at scale was great.",
            "Hi Priya, your post on Amazon's leadership principles was great.",
            "Hi Priya, I'd like to put you down as a reference for a project manager role at Infosys.",
            "Hi Priya, loved working with you at Deliveroo back in 2019.",
            "Hi Priya, I'm a researcher at the BBC and loved your forecasting post.",
        ]);
        // A branch of their company: "Marriott Tokyo" for Marriott International.
        let marriott = at("Marriott International", "Revenue Manager");
        for text in [
            "Hi Mei, saw you're now revenue manager at Marriott Tokyo.",
            "Hi Mei, your reporting at the BBC was great.",
            "Hi Mei, great to meet a fellow medic at the Lisbon congress!",
        ] {
            let fired = count_with(ID, text, &marriott);
            assert_eq!(fired, usize::from(text.contains("BBC")), "{text}");
        }
        assert_eq!(
            fixed_with(
                ID,
                "Hi Priya, your post on guardrail metrics at Deliveroo was great.",
                &ocado
            ),
            "Hi Priya, your post on guardrail metrics at Ocado Technology was great."
        );
    }

    #[test]
    fn a_company_where_their_written_up_work_was_done() {
        let monzo = at("Monzo", "Talent Acquisition Manager at Monzo");
        counts(&monzo, 1, &[
            "Hi Priya, I saw your post about building the tech hiring team at Starling.",
            "Hi Priya, I enjoyed your article on building the pricing pipeline at Uber Eats.",
            "Hi Priya, really liked your post about launching Revolut's savings pots.",
            "Hi Priya, I enjoyed your talk at SupportConf about running the support team at Buffer.",
            "Hi Priya, congratulations on leading talent at Starling, what a journey!",
        ]);
        counts(
            &monzo,
            0,
            &[
                "Hi Priya, I saw your post about building the tech hiring team at Monzo.",
                "Hi Priya, congratulations on leading talent at Monzo, what a journey!",
                "Hi Priya, your post about launching Monzo's savings pots was great.",
                // Whose work it is, or a new clause, is not said.
                "Hi Priya, your post about hiring engineers was great. At Starling we do the same.",
                "Hi Priya, your post on Amazon's leadership principles was great.",
                "Hi Priya, I read a post about building the hiring team at Starling.",
            ],
        );
    }

    #[test]
    fn a_company_they_are_asked_to_speak_for() {
        let monzo = at("Monzo", "Talent Acquisition Manager at Monzo");
        counts(
            &monzo,
            1,
            &[
                "Hi Priya, I'd love to hear how Starling structures its hiring team.",
                "Hi Priya, great talk. Would love to hear more about how Revolut rolled it out.",
            ],
        );
        counts(
            &monzo,
            0,
            &[
                "Hi Priya, I'd love to hear how Monzo structures its hiring team.",
                "Hi Priya, connect with me to learn how I built my agency.",
                "Hi Priya, I'd love to talk about how Starling hires.",
            ],
        );
    }

    #[test]
    fn the_fix_names_their_company() {
        let monzo = at("Monzo", "");
        assert_eq!(
            fixed_with(ID, "Hi Priya, congrats on the move to Revolut!", &monzo),
            "Hi Priya, congrats on the move to Monzo!"
        );
    }
}
