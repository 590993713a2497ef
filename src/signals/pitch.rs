//! Pitches found by the shape of a sentence, where the vendor avoids the stock words:
//! a question about how their team handles something today ("quick question: how is
//! your team handling payroll these days?", "what does your current process for vendor
//! onboarding look like?") and the vendor saying what they do for businesses ("we've
//! been helping Irish SMEs like yours cut costs", "we supply custom team kits for
//! corporate cycling clubs").
//!
//! A third shape: the sender says what they sell, then asks to show or quote it ("I now
//! sell interactive whiteboards and would love to pop in and show you our new range").
//! A shared past before it does not make it less of a pitch. A fourth: the vendor's
//! product behind a question ("I'm curious how Novo Nordisk measures burnout. We've built
//! a platform that does it in real time"). A fifth: what the sender helps customers
//! gain ("we help Boston gyms keep 20% more members", "I'm helping Kiwi business owners
//! like you slash their power bills"). A sixth: the sender's product claiming a gain
//! ("our tool cuts false no-matches by half").
//!
//! The seeds: offer value and ask about their needs before selling; a prospecting
//! question to a stranger is a pitch, however curious it sounds.

use crate::lang::en::{
    BUILT, BUYING_LEADS, DEMO_EVENTS, GIVING_VERBS, HELP_GAINS, NOT_DEMO, OUR_OFFER, OWNERS,
    PITCH_BUYING, PITCH_OFFER, PITCH_PROCESS, PITCH_SHAPES, PRODUCTS, PRODUCT_GAINS, SELLER,
    SELLER_ASKS, SELLER_NOUNS, THEIR_ABOUT, THEIR_DEMO, WE_FORMS,
};
use crate::lang::lexicon;
use crate::text::{break_between, Doc, Lexicon, Span};
use std::sync::LazyLock;

static SELLS: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&SELLER));
static ASKS: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&SELLER_ASKS));

/// A vendor's verb of offer in the third person: "helps", "supplies", "provides".
fn offer_verb(w: &str) -> bool {
    let base = w
        .strip_suffix("ies")
        .map(|b| format!("{b}y"))
        .or_else(|| w.strip_suffix('s').map(str::to_string));
    base.is_some_and(|b| PITCH_OFFER.contains(&b.as_str()))
}

/// "We help Boston gyms keep 20% more members", "I'm helping Kiwi business owners like
/// you slash their power bills": the sender, helping customers to a gain, from "we" or
/// "I" to the gain's verb. "I help family businesses with succession planning" names a
/// service, not a promise.
fn helps_them(doc: &Doc) -> Option<Span> {
    let toks = &doc.tokens;
    (0..toks.len()).find_map(|i| {
        let w = toks[i].norm.as_str();
        let helps = |j: usize| matches!(toks[j].norm.as_str(), "help" | "helps" | "helping");
        let help = if w == "our" {
            // "our booking app helps studios in Rio fill empty slots": the sender's
            // product or business helping.
            let n = (i + 1..(i + 5).min(toks.len()))
                .find(|&j| PRODUCTS.has(&toks[j]) || SELLER_NOUNS.has(&toks[j]))?;
            (n + 1 < toks.len() && helps(n + 1)).then_some(n + 1)?
        } else if WE_FORMS.has(&toks[i]) || matches!(w, "i" | "i'm") {
            let help = (i + 1..(i + 3).min(toks.len())).find(|&j| helps(j))?;
            if help > i + 1 && !matches!(toks[i + 1].norm.as_str(), "am" | "are" | "just") {
                return None;
            }
            help
        } else {
            return None;
        };
        // The customers, then the gain: two to six words on, in the same clause.
        let gain = (help + 2..(help + 7).min(toks.len()))
            .take_while(|&j| !break_between(doc, j - 1, j) && toks[j - 1].norm != "with")
            .find(|&j| {
                HELP_GAINS.has(&toks[j])
                    || toks[j].norm.len() <= 4
                        && toks[j].norm.ends_with('x')
                        && toks[j].norm.starts_with(|c: char| c.is_ascii_digit())
            })?;
        Some(Span {
            start: toks[i].start,
            end: toks[gain].end,
        })
    })
}

/// "I now sell whiteboards ... show you our new range": the words saying what they
/// sell, when the note goes on to ask to show, quote or bring it.
fn seller(doc: &Doc) -> Option<Span> {
    let sells = doc.first(&SELLS)?;
    doc.find_iter(&ASKS)
        .any(|a| a.start >= sells.end)
        .then(|| sells.span())
}

/// "We've built a platform that does it in real time", "we've built an AI retention
/// engine", in a note that also asks how they do it or says it is curious: the vendor's
/// product behind a question.
fn product(doc: &Doc) -> Option<Span> {
    let toks = &doc.tokens;
    let asks = doc.text.contains('?') || toks.iter().any(|t| t.norm == "curious");
    if !asks {
        return None;
    }
    (0..toks.len()).find_map(|i| {
        if !WE_FORMS.has(&toks[i]) {
            return None;
        }
        let end = (i + 4).min(toks.len());
        let v = (i + 1..end).find(|&j| BUILT.has(&toks[j]))?;
        let n = (v + 1..(v + 5).min(toks.len())).find(|&j| PRODUCTS.has(&toks[j]))?;
        Some(Span {
            start: toks[i].start,
            end: toks[n].end,
        })
    })
}

/// "Our tool cuts false no-matches by half", "we've built an AI forecasting engine that
/// already beats in-house models": the sender's product (from token `i`, "our", or "we"
/// with a verb of building) claiming a gain, before token `end`. The gain's token.
fn product_gain(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let from = if toks[i].norm == "our" {
        i + 1
    } else if WE_FORMS.has(&toks[i]) {
        (i + 1..(i + 3).min(end)).find(|&j| BUILT.has(&toks[j]))? + 1
    } else {
        return None;
    };
    let n = (from..(from + 4).min(end)).find(|&j| PRODUCTS.has(&toks[j]))?;
    (n + 1..(n + 9).min(end)).find(|&j| PRODUCT_GAINS.has(&toks[j]))
}

/// The sentences of the note that pitch, by shape.
pub fn detect(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    let mut out = Vec::new();
    for (sentence, range) in doc.sentences.iter().zip(doc.sentence_tokens()) {
        let (first, end) = (range.start, range.end);
        if first >= end {
            continue;
        }
        let question = doc.text[sentence.start..sentence.end]
            .trim_end()
            .ends_with('?')
            || (first..end).any(|i| norm(i) == "curious");
        let span = |i: usize, j: usize| Span {
            start: toks[i].start,
            end: toks[j].end,
        };
        let mut hit = None;
        // A question to them about what they buy: "which PPE supplier does your mine
        // use?", "when is your contract up?", "who supplies your panels?" (not "in the
        // H&M supplier network", nor an ask for theirs, "could you share your vendor
        // list?").
        for i in first..end {
            let w = norm(i);
            // "who supplies your panels?": who sells to them now.
            let who_sells =
                w == "who" && i + 2 < end && offer_verb(norm(i + 1)) && norm(i + 2) == "your";
            if question
                && (who_sells
                    || PITCH_BUYING.contains(&w)
                        && (i.saturating_sub(3).max(first)..i).any(|k| BUYING_LEADS.has(&toks[k])))
                && !(first..i).any(|k| GIVING_VERBS.has(&toks[k]))
                // "which supplier did you use for the seals?", "which supplier you went
                // with": a recommendation asked for, not what they buy now.
                && !(i + 1..end).any(|k| matches!(norm(k), "did" | "went" | "used" | "chose" | "picked"))
            {
                hit = Some(span(first, end - 1));
                break;
            }
            // "your team ... handling", "companies your size ... approaching".
            if question && matches!(w, "your" | "you're") {
                let owned = (i + 1..(i + 4).min(end))
                    .find(|&j| PITCH_SHAPES.has(&toks[j]) || norm(j) == "current")
                    .or_else(|| {
                        (i.saturating_sub(2).max(first)..i).find(|&j| PITCH_SHAPES.has(&toks[j]))
                    });
                let process = (first..end).find(|&j| PITCH_PROCESS.has(&toks[j]));
                if let (Some(o), Some(p)) = (owned, process) {
                    hit = Some(span(i.min(o).min(p), i.max(o).max(p)));
                    break;
                }
            }
            // "our consulting services", "our new treasury management platform": what the
            // sender sells, with words between (the plain "our services" is a listed phrase).
            if w == "our" {
                // Words of their own between say it is not the sender's: "our chat
                // about your services team".
                let theirs = |k: usize| (i + 1..k).any(|j| THEIR_ABOUT.has(&toks[j]));
                if let Some(k) = (i + 2..(i + 5).min(end))
                    .filter(|&k| !theirs(k))
                    .find(|&k| OUR_OFFER.has(&toks[k]))
                {
                    hit = Some(span(i, k));
                    break;
                }
            }
            // "Our app cuts audit prep in half": the sender's product claiming a gain.
            if let Some(k) = product_gain(doc, i, end) {
                hit = Some(span(i, k));
                break;
            }
            // "Can I show you a 10-minute demo on Thursday?": a demo offered to them,
            // whatever words say how long (not "demo day", an event, nor one they are
            // asked to give: "would you be up for doing a demo?").
            if matches!(w, "demo" | "demos") {
                let event = i + 1 < end && DEMO_EVENTS.has(&toks[i + 1]);
                let near = i.saturating_sub(4).max(first);
                let theirs_to_give = (near..i).any(|k| THEIR_DEMO.has(&toks[k]));
                // "I'm not trying to book a demo".
                let declined = (i.saturating_sub(6).max(first)..i).any(|k| NOT_DEMO.has(&toks[k]));
                if !(event || theirs_to_give || declined)
                    && (near..i).any(|k| matches!(norm(k), "a" | "an" | "our"))
                    && (first..end).any(|k| matches!(norm(k), "you" | "your"))
                {
                    hit = Some(span(i, i));
                    break;
                }
            }
            // "How are you dealing with pond liner failures? We've installed HDPE liners
            // at two sites": how they handle something now, asked before a word of the
            // sender's firm ("we", "our").
            if question && w == "how" {
                let next = |n: usize| toks.get(i + n).map(|t| t.norm.as_str());
                // "how is Kilbrannan handling cyber risk?": their firm, by name, as the
                // subject.
                let named = || {
                    crate::signals::employer::name_at(doc, i + 2)
                        .filter(|&(_, j)| j < end)
                        .map_or(end, |(_, j)| j)
                };
                let k = match (next(1), next(2)) {
                    (Some("are"), Some("you")) => i + 3,
                    (Some("you're"), _) => i + 2,
                    (Some("is"), _) => named(),
                    _ => end,
                };
                let k = k + usize::from(k < end && matches!(norm(k), "currently" | "now"));
                if k < end
                    && PITCH_PROCESS.has(&toks[k])
                    && toks[end..]
                        .iter()
                        .any(|t| WE_FORMS.has(t) || t.norm == "our")
                {
                    hit = Some(span(i, k));
                    break;
                }
            }
            // "What rates are you paying?", "how much are you paying for milk?": what they
            // pay now, asked by someone who would sell it for less (not "are you paying
            // attention to ...").
            if question
                && w == "paying"
                && i > first
                && (norm(i - 1) == "you're"
                    || i >= first + 2
                        && matches!(
                            (norm(i - 2), norm(i - 1)),
                            ("are" | "were", "you") | ("you", "are")
                        ))
                && !(i + 1 < end && matches!(norm(i + 1), "attention" | "tribute" | "it"))
            {
                hit = Some(span(first, end - 1));
                break;
            }
            // "I help CFOs like you cut cloud spend": the sender's customers (a plural
            // noun right after "help"; "I help organise events like yours" is no pitch),
            // likened to them.
            // "I help passionate owners like you scale": a word or two before the plural.
            if w == "i" && i + 2 < end && norm(i + 1) == "help" {
                let customers = |k: usize| norm(k).ends_with('s') || norm(k) == "people";
                if let Some(k) = (i + 3..(i + 6).min(end.saturating_sub(1))).find(|&k| {
                    norm(k) == "like"
                        && customers(k - 1)
                        && (norm(k + 1) == "you" || (k == i + 3 && norm(k + 1) == "yours"))
                }) {
                    hit = Some(span(i, k + 1));
                    break;
                }
            }
            // "we help firms", "we've been helping Irish SMEs", "we supply ... for clubs",
            // "I have helped 1,000+ clients".
            let i_have = w == "i've" || (w == "i" && i + 1 < end && norm(i + 1) == "have");
            // "our team helps project directors like you", "my agency supplies clinics":
            // the sender's business as the subject, its verb in the third person.
            let our_business = matches!(w, "our" | "my")
                && i + 2 < end
                && SELLER_NOUNS.has(&toks[i + 1])
                && offer_verb(norm(i + 2));
            if our_business {
                let customers = (i + 3..(i + 9).min(end)).find(|&j| {
                    let w = norm(j);
                    PITCH_SHAPES.contains(&w)
                        || w.strip_suffix('s')
                            .is_some_and(|b| PITCH_SHAPES.contains(&b))
                        || matches!(w, "yours" | "like")
                });
                if let Some(c) = customers {
                    hit = Some(span(i, c));
                    break;
                }
            }
            if WE_FORMS.has(&toks[i]) || i_have {
                // A word after "your" or "the" is a noun: "I've followed your work since
                // you spoke at our school" offers nothing.
                let verb = (i + 1..(i + 4).min(end))
                    .find(|&j| PITCH_OFFER.has(&toks[j]) && !OWNERS.has(&toks[j - 1]));
                if let Some(v) = verb {
                    let customers = (v + 1..(v + 7).min(end)).find(|&j| {
                        PITCH_SHAPES.has(&toks[j]) || matches!(norm(j), "yours" | "like")
                    });
                    // A count of customers after a track record: "we've helped 200+
                    // doctors in Chennai grow patient footfall".
                    let record = w == "we've" || i_have || (v > 0 && norm(v - 1) == "have");
                    let counted = (record && v + 2 < end)
                        .then(|| v + 1)
                        .filter(|&n| norm(n).starts_with(|c: char| c.is_ascii_digit()))
                        .filter(|&n| norm(n + 1).ends_with('s'))
                        .map(|n| n + 1);
                    let customers = customers.or(counted);
                    if let Some(c) = customers {
                        // "we work with nurses on ..." in a shared past is no pitch: the
                        // verb must be present tense, "have been ...ing", or a track record
                        // ("we've helped similar firms lift response rates").
                        if record || !matches!(norm(v), "helped" | "worked") {
                            hit = Some(span(i, c));
                            break;
                        }
                    }
                }
            }
        }
        out.extend(hit);
    }
    for s in [product(doc), seller(doc), helps_them(doc)]
        .into_iter()
        .flatten()
    {
        if !out.iter().any(|o| o.start < s.end && s.start < o.end) {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pitches(text: &str) -> bool {
        !detect(&Doc::new(text)).is_empty()
    }

    #[test]
    fn a_question_on_how_they_handle_it_then_the_senders_firm() {
        for text in [
            "Hi Nicolás, great to see Fénix running. How are you dealing with pond liner failures at that altitude? We've installed HDPE liners at two Puna sites with zero leaks.",
            "I'm curious how you're handling evaporator scaling at that throughput? We've developed an antiscalant several brine operations now use.",
            "Curious how you're currently managing rosters? Our app does it in minutes.",
        ] {
            assert!(pitches(text), "{text}");
        }
        for text in [
            // No firm of the sender's after it: a peer's question.
            "Loved your post on the new rent rules. How are you handling them at Carden?",
            // The sender's firm before the question, not after.
            "We run a small lettings office too. How are you handling the new rent rules?",
            // Not how they handle something now.
            "How are you finding the new role? We miss you at Arup.",
        ] {
            assert!(!pitches(text), "{text}");
        }
    }

    #[test]
    fn what_the_sender_helps_customers_gain() {
        for text in [
            "Curious how you're handling churn? We help Boston gyms keep 20% more members.",
            "Fellow Aucklander here! I'm helping Kiwi business owners like you slash their power bills.",
            "I help accounting firms automate client onboarding. Open to a chat?",
            "We help VPs like you book 3x more meetings.",
            "I'm helping treasury leaders like you unlock better FX rates.",
            "I help SaaS founders 3x their pipeline.",
            "Quick idea: our booking app helps studios in Rio fill empty class slots.",
            "Our team helps small creators grow to 10k followers in 30 days.",
        ] {
            assert!(pitches(text), "{text}");
        }
        for text in [
            "I help family businesses with succession planning; Thandi suggested we speak.",
            "I help run the Leeds Python meetup and would love you to speak.",
            "Your post helped me cut my onboarding time in half.",
            "We help each other. Keep up the great work!",
            "Our team helped me a lot after your talk.",
        ] {
            assert!(!pitches(text), "{text}");
        }
    }

    #[test]
    fn the_senders_product_claiming_a_gain() {
        for text in [
            "Many clients found no-match rates high. Our tool cuts false no-matches by half.",
            "Most MROs are on spreadsheets, and our app cuts audit prep in half.",
            "We've built an AI forecasting engine that already beats in-house models.",
            "Our bordereaux automation tool is used by 60 MGAs and halves processing time.",
        ] {
            assert!(pitches(text), "{text}");
        }
        for text in [
            "Our booking system keeps crashing, so your post on retries was timely.",
            "Your paper's method cut our training time by a third. Thank you!",
            "Our tool is a mess of scripts; your talk on build caching helped a lot.",
        ] {
            assert!(!pitches(text), "{text}");
        }
    }

    #[test]
    fn what_the_sender_sells_with_words_between() {
        assert!(pitches(
            "Would your company need our consulting services this year?"
        ));
        assert!(pitches("Happy to show you our new analytics platform."));
        assert!(pitches(
            "I thought you'd appreciate our new treasury management platform."
        ));
        assert!(!pitches(
            "I enjoyed our chat about your services team at RustConf."
        ));
    }

    #[test]
    fn the_senders_business_as_the_subject() {
        assert!(pitches(
            "Our team helps project directors like you bring delayed schedules back on track."
        ));
        assert!(pitches(
            "My agency supplies clinics across Leeds with locum nurses."
        ));
        assert!(!pitches(
            "Our team helps each other through the night shifts."
        ));
        assert!(!pitches("My team supports the same idea you wrote about."));
    }

    #[test]
    fn a_demo_offered_whatever_its_length() {
        assert!(pitches("Can I show you a 10-minute demo on Thursday?"));
        // Offered to their team.
        assert!(pitches(
            "We're a drone company and I'd love to arrange a demo with your operations team."
        ));
        assert!(pitches(
            "Would you have time for a short 15 min demo of our app?"
        ));
        assert!(!pitches(
            "Loved your pitch at the Founders demo day in May."
        ));
        assert!(!pitches(
            "Would you be up for doing a demo at our training night? Paid of course."
        ));
        assert!(!pitches("Your demo of the new braking system was great."));
        assert!(!pitches("I'm not trying to book a demo, just curious."));
    }

    #[test]
    fn what_they_pay_now_asked_in_a_question() {
        assert!(pitches(
            "How many loads a week are you outsourcing, and what rates are you paying?"
        ));
        assert!(pitches(
            "Between buyers: how much are you paying for milk on the Q1 contracts?"
        ));
        assert!(pitches("What are you paying now per reefer container?"));
        assert!(!pitches("What are you paying attention to this year?"));
        assert!(!pitches(
            "I saw you're paying it forward with the mentoring scheme."
        ));
    }

    #[test]
    fn customers_likened_to_them() {
        assert!(pitches(
            "Hi Ahmed, I help CFOs like you cut cloud spend by 30-40% in 90 days, guaranteed."
        ));
        assert!(pitches(
            "I help founders like you raise their seed round faster."
        ));
        assert!(pitches(
            "I help passionate owners like you scale with our franchise consulting program."
        ));
        assert!(!pitches(
            "I help organise events like yours in Leeds; would you speak at the next one?"
        ));
        assert!(!pitches(
            "Your talk would help people like me. How did you start?"
        ));
    }

    #[test]
    fn prospecting_questions_and_vendor_lines() {
        assert!(pitches(
            "Quick question: how is your team handling payroll these days?"
        ));
        assert!(pitches(
            "I'm curious how your practice is handling prior authorizations these days."
        ));
        assert!(pitches(
            "What does your current process for vendor onboarding look like?"
        ));
        assert!(pitches(
            "Quick question: how many hours a week does your team spend re-keying submissions?"
        ));
        assert!(!pitches(
            "How many hours did you spend on the Dover Street mural? It looks wonderful."
        ));
        assert!(pitches(
            "We've been helping Irish SMEs like yours cut costs."
        ));
        assert!(pitches(
            "We've helped similar firms lift response rates by 40%, happy to show you how."
        ));
        assert!(pitches(
            "We've helped 200+ doctors in Chennai grow patient footfall. Can I share a case study?"
        ));
        assert!(!pitches(
            "We helped the practice move to the new rota back in 2019."
        ));
        assert!(pitches(
            "We supply custom team kits for corporate cycling clubs."
        ));
        assert!(pitches(
            "You taught my daughter Ruby in Year 2. I now sell interactive whiteboards and would love to pop in and show you our new range."
        ));
        assert!(pitches(
            "I represent a glass façade manufacturer and would love to get our spec sheet onto your next project."
        ));
        assert!(pitches(
            "I'm curious how Novo Nordisk measures burnout today. We've built a platform that does it in real time."
        ));
        // The product after a few words that say what kind it is.
        assert!(pitches(
            "Curious how iFood is thinking about courier churn this year? We've built an AI retention engine that cut churn by a third."
        ));
        assert!(pitches(
            "How do you currently measure engagement? We've built a pulse survey tool that HR leaders love."
        ));
        // A question about what they buy.
        assert!(pitches(
            "I'm curious: which cat model vendor does your team license now, and when is the renewal?"
        ));
        assert!(pitches(
            "what WMS are you on now, and when is your contract up?"
        ));
        assert!(pitches(
            "Quick question: who handles purchasing of kitchen equipment at Radisson Blu?"
        ));
        // Who sells to them now.
        assert!(pitches(
            "saw your post on battery installs. Who supplies your panels?"
        ));
    }

    #[test]
    fn questions_that_name_a_supplier_without_prospecting_are_not_pitches() {
        assert!(!pitches(
            "If you hear of one in the H&M supplier network, would you mind letting me know?"
        ));
        // An ask for theirs is an ask, not a pitch.
        assert!(!pitches(
            "Could you share your full vendor list with contacts and prices?"
        ));
        assert!(!pitches("How did you win the council contract in Leeds?"));
        assert!(!pitches("How did you win that contract?"));
        // Not a question, or not who sells to them.
        assert!(!pitches(
            "A friend who supplies your canteen mentioned your open day."
        ));
        assert!(!pitches("Who taught your first woodturning class?"));
        // A recommendation asked for: which supplier they used, not what they buy now.
        assert!(!pitches(
            "Switching to paper fill was smart. Could I ask which supplier you went with?"
        ));
        assert!(!pitches(
            "I restore the same model. Which supplier did you use for the rubber seals?"
        ));
        assert!(pitches(
            "Out of curiosity, which vendor do you use for device fingerprinting today?"
        ));
    }

    #[test]
    fn questions_about_their_work_are_not_pitches() {
        assert!(!pitches(
            "How did your team get the Tromsø school to cut heating by 22%?"
        ));
        assert!(!pitches("We worked with your team on the 2019 audit."));
        assert!(!pitches(
            "Would love to hear how you got into compiler tooling?"
        ));
        assert!(!pitches("We met at the Lisbon meetup."));
        // Their work, followed: a noun after "your", not the sender's offer.
        assert!(!pitches(
            "I've followed your work since you visited our school in 2018."
        ));
        assert!(pitches(
            "I've helped 40 schools like yours with attendance."
        ));
        // Saying what they sell without asking to show it is honest, not a pitch.
        assert!(!pitches(
            "I sell forklift telematics, so fair warning. I saw your post about the near-miss in aisle 7. Not pitching today."
        ));
        // Asking to show something before saying what they sell is not this shape.
        assert!(!pitches("Happy to show you the data. I sell nothing."));
        // A product of theirs built on, with no question: thanks, not a pitch.
        assert!(!pitches(
            "We built a small tool on top of your parser. Thank you for it!"
        ));
        assert!(!pitches(
            "I built an app with your library; how did you handle the Safari bug?"
        ));
    }
}
