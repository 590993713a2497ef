//! A favour asked of the recipient by the shape of its sentence, where no stock phrase
//! matched: "could you please look over my research proposal", "would you be willing to
//! write me a recommendation", "can you share my campaign with your followers". A modal,
//! "you", something to do, and the sender as who it is for.
//!
//! The seeds: respect their time and boundaries; a first note from a stranger that asks
//! for work on the sender's behalf is an entitled ask. Whether the two know each other
//! is the rule's to weigh (signals say what a sentence is, not whether it is fair).

use crate::lang::en::THEIR_MATERIALS;
use crate::lang::en::{ASK_LEADS, CAN_WOULD, FOR_WHOM, NOT_ORDERS, OFFER_SUBJECTS, PERMISSION};
use crate::text::{Doc, Span};

/// Sentences asking the recipient to do something for the sender.
pub fn detect(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    let mut out = Vec::new();
    for range in doc.sentence_tokens() {
        let (first, end) = (range.start, range.end);
        for i in first..end.saturating_sub(2) {
            if !(CAN_WOULD.has(&toks[i]) && norm(i + 1) == "you") {
                continue;
            }
            // Permission and interest ("would you be open to me crediting you", "would
            // you mind if I", "would you like") are questions, not favours.
            let next = norm(i + 2);
            if PERMISSION.contains(&next) {
                let willing = next == "be"
                    && i + 3 < end
                    && matches!(norm(i + 3), "willing" | "able" | "kind");
                if !willing {
                    continue;
                }
            }
            let for_me = (i + 2..(i + 14).min(end)).find(|&k| matches!(norm(k), "me" | "my"));
            if let Some(k) = for_me {
                out.push(Span {
                    start: toks[i].start,
                    end: toks[k].end,
                });
                break;
            }
        }
    }
    out
}

/// A favour that recurs or runs for weeks: "could you meet with me every week?", "could I
/// shadow you in clinic once a week this term?", "could I tag along on your jobs for the
/// next couple of months?". An ask ("could you", "could I", "I'd love", "let me") and,
/// after it in its sentence, a span of time of `src/lang/en/lasting.txt`: a commitment no
/// stranger owes, whether or not they have met.
pub fn recurring(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let norm = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let asks = |k: usize| {
        (CAN_WOULD.has(&toks[k]) && matches!(norm(k + 1), "you" | "we" | "i"))
            || (matches!(norm(k), "i'd" | "id") && matches!(norm(k + 1), "love" | "like"))
            || matches!((norm(k), norm(k + 1)), ("let", "me") | ("mind", "if"))
    };
    doc.find_iter(&LASTING)
        .filter_map(|h| {
            let (from, _) = doc.sentence_tokens_of(h.first_token);
            let ask = (from..h.first_token).find(|&k| asks(k))?;
            Some(Span {
                start: toks[ask].start,
                end: h.end,
            })
        })
        .collect()
}

static LASTING: std::sync::LazyLock<crate::text::Lexicon> =
    std::sync::LazyLock::new(|| crate::lang::lexicon(&crate::lang::en::LASTING));

static UNPAID: std::sync::LazyLock<crate::text::Lexicon> =
    std::sync::LazyLock::new(|| crate::lang::lexicon(&crate::lang::en::UNPAID));

/// Free work or money asked of them: "could you take a look for free as a favour",
/// "maybe you can approve a small loan for me", "can you donate?". A word of
/// `src/lang/en/unpaid.txt` in a sentence that asks them ("could you", "can you", "you
/// can", "ask you to"). Taking from someone without giving, whether or not they know the sender.
pub fn unpaid(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    doc.find_iter(&UNPAID)
        .filter(|h| {
            // The hit's sentence, then the one before it: "Could you do the literature
            // review for me? Can't pay, but it's great exposure." Or the one after: "No
            // budget, but it would be great exposure. Could you do 45 minutes?"
            let (mut before, mut range, mut after) = (None, None, None);
            for r in doc.sentence_tokens() {
                if range.is_some() {
                    after = Some(r);
                    break;
                }
                if r.contains(&h.first_token) {
                    range = Some(r);
                } else {
                    before = Some(r);
                }
            }
            let Some(range) = range else {
                return false;
            };
            let lead = |i: usize| {
                let pair = (norm(i - 1), norm(i));
                ASK_LEADS.contains(&pair.0) && pair.1 == "you"
                    || pair.0 == "you" && matches!(pair.1, "can" | "could" | "might")
                    // "I was hoping you'd do it for free", "wondered if you'd do a few
                    // sample illustrations for free", "would love you to cater it at cost", "we'd
                // like you to give the keynote. No budget, but great exposure".
                    || matches!(pair.0, "hoping" | "hope" | "hoped" | "if" | "love" | "like")
                        && matches!(pair.1, "you'd" | "you")
                        && i < h.first_token
            };
            let asks = range
                .clone()
                .skip(1)
                .find(|&i| lead(i))
                .or_else(|| before.and_then(|b| b.skip(1).find(|&i| lead(i))))
                .or_else(|| {
                    // Only terms of an ask come before it ("it would be great exposure
                    // for you"); "my pro bono work" is no term of the next question.
                    let words: Vec<&str> = toks[h.first_token..h.end_token]
                        .iter()
                        .map(|t| t.norm.as_str())
                        .collect();
                    let terms = matches!(
                        words.as_slice(),
                        ["for" | "great" | "good", "exposure"] | ["can't" | "cannot", "pay"]
                    );
                    after
                        .filter(|_| terms)
                        .and_then(|a| a.skip(1).find(|&i| lead(i)))
                });
            // An offer: "would you like me to review it for free?", "could you tell me
            // if I can send it free of charge?".
            let offer = |from: usize| {
                (from..h.first_token).any(|k| {
                    OFFER_SUBJECTS.has(&toks[k])
                        || (matches!(norm(k), "like" | "want" | "let")
                            && matches!(
                                toks.get(k + 1).map(|t| t.norm.as_str()),
                                Some("me" | "us")
                            ))
                })
            };
            // "Could you come out for two days? We can't pay but we'll feed you well":
            // the sender's own purse, never an offer, whoever its subject; nor is
            // exposure offered instead of a fee ("We don't have budget, but it would be
            // great exposure for you").
            let purse = matches!(
                toks[h.first_token..h.end_token]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .as_slice(),
                ["can't" | "cannot", "pay"] | ["great" | "good" | "for", "exposure"]
            );
            asks.is_some_and(|i| purse || !offer(i))
        })
        .map(|h| h.span())
        .collect()
}

/// Polite orders: "please give him a trial", "kindly sign and return it", "please send
/// me the slides". In the labelled dev halves 43 of the 45 notes with "please" before a
/// word were bad: a first note that tells the reader what to do asks before it gives. Not orders: "please let me know", "please feel free", "please excuse", "please
/// don't", a sentence that leaves them free ("please send it if you have time"), asking
/// leave ("please can I ask you a question?") and kind words to pass on ("please pass on
/// my thanks").
pub fn orders(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for range in doc.sentence_tokens() {
        if range
            .clone()
            .any(|i| matches!(toks[i].norm.as_str(), "if" | "whenever" | "no"))
        {
            continue;
        }
        // "Kindly" orders only where a clause starts ("Kindly sign it"), not in "the
        // sponsorship you kindly offered".
        let clause_start = |i: usize| {
            i == range.start
                || doc.text[toks[i - 1].end..toks[i].start]
                    .contains([',', ';', ':', '\u{2014}', '\u{2013}', '-'])
        };
        let Some(i) = range.clone().find(|&i| match toks[i].norm.as_str() {
            "please" | "pls" | "plz" => true,
            "kindly" => clause_start(i),
            _ => false,
        }) else {
            continue;
        };
        // "please just say": the word after "just".
        let v = i + 1 + usize::from(toks.get(i + 1).is_some_and(|t| t.norm == "just"));
        let Some(verb) = toks.get(v).filter(|_| v < range.end) else {
            continue;
        };
        // "Could you please look at a one-page draft?", "Could I please share your slides?":
        // a request they may decline (which `detect` weighs), not an order.
        let asked = i >= range.start + 2
            && matches!(toks[i - 1].norm.as_str(), "you" | "i" | "we")
            && CAN_WOULD.has(&toks[i - 2]);
        if asked {
            continue;
        }
        // "Please can I ask you one or two questions?", "please may I ask": asking leave,
        // a question.
        let leave = (CAN_WOULD.has(verb) || verb.norm == "may")
            && toks
                .get(v + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "i" | "we"));
        // "Please tell her she's remembered": words for someone else, not their time.
        // "Please take your time", "kindly suggested": no order.
        let kind = (verb.norm == "tell"
            && toks
                .get(v + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "her" | "him" | "them")))
            || (verb.norm == "take" && toks.get(v + 2).is_some_and(|t| t.norm == "time"))
            || verb.norm.ends_with("ed");
        // "Please pass on my thanks", "please say hi to the Quartermile lot": kind words
        // to pass on, asked of no one's time.
        let passed_on = (i + 2..(i + 5).min(range.end)).any(|k| {
            matches!(
                toks[k].norm.as_str(),
                "thanks"
                    | "regards"
                    | "congratulations"
                    | "congrats"
                    | "gratitude"
                    | "hi"
                    | "hello"
            )
        });
        let free = NOT_ORDERS.has(verb) || leave || passed_on || kind;
        // "Please find attached" is a formula; "please find me a job" is an order.
        let find_me = verb.norm == "find" && toks.get(v + 1).is_some_and(|t| FOR_WHOM.has(t));
        if !free || find_me {
            out.push(Span {
                start: toks[i].start,
                end: verb.end,
            });
        }
    }
    out
}

/// Work asked of them and reported back: "could you look over our go-to-market plan and
/// tell me what you'd change?", "could you go through it this week and leave comments?",
/// "could I send you our price list and get your honest take?", "could I tell you about
/// my symptoms and get your opinion?". A request ("could you", or "could I" and send,
/// show, tell, describe, walk or run), then, after "and" in its sentence, a phrase of
/// `src/lang/en/report_back.txt`. In the labelled dev halves all 39 notes with this
/// shape were bad: free consulting or a review of the sender's work, asked of someone
/// who owes neither, whether or not they have met.
pub fn report_back(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let norm = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    doc.find_iter(&REPORT_BACK)
        .filter_map(|h| {
            let and = (h.first_token.checked_sub(1))
                .filter(|&k| norm(k) == "and")
                .or_else(|| {
                    (h.first_token.checked_sub(2))
                        .filter(|&k| norm(k) == "and" && norm(k + 1) == "then")
                })?;
            let (from, _) = doc.sentence_tokens_of(h.first_token);
            let lead = (from..and.saturating_sub(1)).find(|&k| {
                let you = norm(k + 1) == "you" && !PERMISSION.contains(&norm(k + 2));
                let send = matches!(norm(k + 1), "i" | "we")
                    && matches!(
                        norm(k + 2),
                        "send" | "show" | "tell" | "describe" | "walk" | "run"
                    );
                CAN_WOULD.has(&toks[k]) && (you || send)
            })?;
            Some(Span {
                start: toks[lead].start,
                end: h.end,
            })
        })
        .collect()
}

/// Their working materials asked for: "could you share your Terraform modules and CI
/// pipeline config?", "would you share your playbook with us?", "send me your list of
/// buyer contacts". A request ("could you", "would you be willing to", "please", or the
/// verb opening its sentence), share, send, give, forward or pass, "your", and within
/// four words a noun of `src/lang/en/their_materials.txt`. Years of their work, or what
/// belongs to their employer, asked of someone who owes neither. A price list or a rate
/// card is what a buyer asks for, and no favour.
pub fn materials(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let norm = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !matches!(
            t.norm.as_str(),
            "share" | "send" | "give" | "forward" | "pass"
        ) {
            continue;
        }
        let your = if norm(i + 1) == "your" {
            i + 1
        } else if matches!(norm(i + 1), "me" | "us" | "over") && norm(i + 2) == "your" {
            i + 2
        } else {
            continue;
        };
        let (from, end) = doc.sentence_tokens_of(i);
        let Some(noun) = (your + 1..(your + 5).min(end))
            .take_while(|&k| !crate::text::break_between(doc, k - 1, k))
            .find(|&k| THEIR_MATERIALS.has(&toks[k]))
        else {
            continue;
        };
        let priced = matches!(norm(noun - 1), "price" | "rate");
        let asked = i == from
            || (from..i).any(|k| {
                (CAN_WOULD.has(&toks[k]) && norm(k + 1) == "you")
                    || (norm(k) == "willing" && norm(k + 1) == "to")
                    || norm(k) == "please"
            });
        if asked && !priced {
            out.push(Span {
                start: t.start,
                end: toks[noun].end,
            });
        }
    }
    out
}

/// A favour asked as a wish: "I'd be so grateful if you could submit an internal referral
/// for me", "it would mean a lot if you could read it and give notes", "I wanted to ask if
/// you could meet me on Zoom every week". A phrase of `src/lang/en/grateful_if.txt`, unless
/// what follows is a pointer ("if you could point me to the right person", "let me know",
/// "confirm"). In the labelled dev halves 209 notes hold such a phrase: 208 bad.
pub fn wished(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    doc.find_iter(&GRATEFUL_IF)
        .filter(|h| {
            let next = (h.end_token..toks.len())
                .find(|&k| !matches!(toks[k].norm.as_str(), "please" | "kindly" | "just"));
            !next.is_some_and(|k| {
                matches!(
                    toks[k].norm.as_str(),
                    "point" | "let" | "confirm" | "direct" | "suggest"
                )
            })
        })
        .map(|h| h.span())
        .collect()
}

static GRATEFUL_IF: std::sync::LazyLock<crate::text::Lexicon> =
    std::sync::LazyLock::new(|| crate::lang::lexicon(&crate::lang::en::GRATEFUL_IF));

static REPORT_BACK: std::sync::LazyLock<crate::text::Lexicon> =
    std::sync::LazyLock::new(|| crate::lang::lexicon(&crate::lang::en::REPORT_BACK));

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(text: &str) -> bool {
        !detect(&Doc::new(text)).is_empty()
    }

    #[test]
    fn favours_for_the_sender() {
        // The sender named a dozen words on.
        assert!(asks(
            "Can you share some details about ongoing cybercrime investigations for my YouTube channel?"
        ));
        assert!(asks(
            "Could you please look over my research proposal before Friday?"
        ));
        assert!(asks(
            "Would you be willing to write me a LinkedIn recommendation?"
        ));
        assert!(asks(
            "Can you share my startup's crowdfunding campaign with your followers?"
        ));
    }

    #[test]
    fn favours_asked_as_wishes() {
        let wished = |t: &str| !super::wished(&Doc::new(t)).is_empty();
        assert!(wished(
            "I'd be so grateful if you could submit an internal referral for me this week."
        ));
        assert!(wished(
            "It would mean a lot if you could read it and give notes."
        ));
        assert!(wished(
            "I wanted to ask if you could meet me on Zoom every week."
        ));
        // A pointer is a small ask; a question of their view is no favour.
        assert!(!wished(
            "I'd be grateful if you could point me to the right person."
        ));
        assert!(!wished(
            "I'd appreciate it if you could let me know when the date is set."
        ));
        assert!(!wished(
            "May I ask if you would buy rudder pedals before a yoke?"
        ));
    }

    #[test]
    fn work_reported_back() {
        let back = |t: &str| !super::report_back(&Doc::new(t)).is_empty();
        assert!(back(
            "Could you look over our go-to-market plan and tell me what you'd change?"
        ));
        assert!(back(
            "Could you go through it this week and leave comments?"
        ));
        assert!(back(
            "Could I send you our current price list and get your honest take on it?"
        ));
        assert!(back("Can you read it and then give me notes?"));
        assert!(back(
            "Could I tell you a bit about my symptoms and get your opinion on what to try?"
        ));
        // Permission and interest, an "and" with no report, or no request.
        assert!(!back(
            "Would you be open to a call? I'd love to hear your story and tell you about ours."
        ));
        assert!(!back("Could you share the slides and the recording?"));
        assert!(!back(
            "You looked at my draft and told me to cut it in half."
        ));
        assert!(!back("I read your thread and tell everyone about it."));
    }

    #[test]
    fn their_materials_asked_for() {
        let asked = |t: &str| !super::materials(&Doc::new(t)).is_empty();
        assert!(asked(
            "Could you share your Terraform modules and CI pipeline config?"
        ));
        assert!(asked(
            "Would you share your playbook with us before month-end?"
        ));
        assert!(asked(
            "Send me your list of buyer contacts at the big chains."
        ));
        assert!(asked(
            "Would you be willing to share your incident response playbook with me?"
        ));
        // A buyer's question, an offer, or no request.
        assert!(!asked(
            "Could you send your export price list when convenient?"
        ));
        assert!(!asked(
            "If you ever share your booking-system template I'd read it."
        ));
        assert!(!asked("Happy to send you my own checklist."));
    }

    #[test]
    fn free_work_or_money_asked() {
        let unpaid = |t: &str| !super::unpaid(&Doc::new(t)).is_empty();
        assert!(unpaid("Could you take a look for free as a favour?"));
        assert!(unpaid(
            "Since we're old friends I was hoping you'd do it for free?"
        ));
        assert!(!unpaid("I hope you'd let me do the first one for free."));
        assert!(unpaid("Maybe you can approve a small loan for me?"));
        assert!(unpaid("Can you donate and share it?"));
        assert!(unpaid(
            "We're reaching out to ask you to increase your monthly gift today."
        ));
        assert!(!unpaid("I can do the first audit for free."));
        assert!(!unpaid("Would you like me to review your site for free?"));
        assert!(!unpaid(
            "Could you tell me if I can send you samples free of charge?"
        ));
        assert!(!unpaid(
            "Thank you for your pro bono work on the tenant case."
        ));
        // Asked as a wish, or with the terms in the next sentence.
        assert!(unpaid(
            "I wondered if you'd do a few sample illustrations for free."
        ));
        assert!(unpaid(
            "I'd love you to cater my launch party at cost, or as a trade for a shout-out."
        ));
        assert!(unpaid(
            "We'd like you to give the keynote. We don't have budget, but it would be great exposure for you."
        ));
        assert!(unpaid(
            "Could you do the literature review for me this summer? Can't pay, but it's great exposure."
        ));
        assert!(unpaid(
            "Would you design 40 environments? It's revenue share only."
        ));
        assert!(unpaid(
            "Could you come out to our farms for two days? We can't pay but we'll feed you well."
        ));
        // Offers, or terms that come before any ask.
        assert!(!unpaid(
            "If you ever want a nurse on the show, I'm happy to do it for free."
        ));
        assert!(!unpaid("Happy to do the first one for free if you like."));
        assert!(!unpaid(
            "We did it for free last year. Could you tell me who runs it now?"
        ));
    }

    #[test]
    fn favours_that_recur_or_last_for_weeks() {
        let recurs = |t: &str| !super::recurring(&Doc::new(t)).is_empty();
        assert!(recurs(
            "Could you meet with me every week for one hour and review my works?"
        ));
        assert!(recurs(
            "Could I shadow you in clinic once a week this term?"
        ));
        assert!(recurs(
            "Could I tag along on your jobs for the next couple of months?"
        ));
        assert!(recurs("I'd like to shadow you on site for a few weeks."));
        // A habit of the sender's, or a one-off ask, is no commitment of theirs.
        assert!(!recurs(
            "I use your R package nearly every week. Thank you for it!"
        ));
        assert!(!recurs(
            "Would you be open to me shadowing your team for a day?"
        ));
        assert!(!recurs(
            "Would it be ok to send you one follow-up question later this term?"
        ));
    }

    #[test]
    fn polite_orders() {
        let orders = |t: &str| !super::orders(&Doc::new(t)).is_empty();
        assert!(orders("My lad is 17, please give him a trial."));
        assert!(orders("Kindly sign it and return by tomorrow."));
        assert!(orders("Please find me something at Salesforce."));
        assert!(!orders("Please let me know what you think."));
        assert!(!orders("Please send it over if you have a minute."));
        assert!(!orders("Please find attached my notes from the panel."));
        assert!(!orders(
            "She drove back with my passport. Please pass on my thanks."
        ));
        assert!(!orders("Please say hi to the Quartermile lot for me."));
        assert!(orders("Please pass my CV to your recruiter."));
        // A request in question form is no order (`detect` weighs it as a favour).
        assert!(!orders("Could you please look at a one-page draft?"));
        assert!(!orders(
            "Could I please share your slides with our parishes?"
        ));
        assert!(orders("Please look at the draft and send it back."));
        // Asking leave is a question; a modal with "you" is still an order.
        assert!(!orders(
            "Please can I ask you one or two questions some time?"
        ));
        assert!(orders("Please can you check my CV today."));
        assert!(!orders("No need to reply, please don't feel obliged."));
        assert!(!orders(
            "Happy to sort out the kit sponsorship you kindly offered."
        ));
        // Kind words for someone else, leave asked, time given, a past deed, thanks.
        assert!(!orders(
            "A nurse sat with her that night. Please tell her she's remembered."
        ));
        assert!(!orders(
            "Please may I ask a small question when you have a minute?"
        ));
        assert!(!orders(
            "Would you answer four questions? Please take your time."
        ));
        assert!(!orders(
            "Dr. Naqvi, who trained with you, kindly suggested I contact you."
        ));
        assert!(!orders("Kindly thank you for the interview, Mr. Anand."));
        assert!(!orders(
            "Happy to share our own courtyard survey, please just say."
        ));
        assert!(orders("Please just send me the contacts today."));
        assert!(orders("Please tell me who is hiring."));
    }

    #[test]
    fn questions_and_permission_are_not_favours() {
        assert!(!asks("Would you be open to me crediting you in the film?"));
        assert!(!asks("Would you mind if I cited your thread in my thesis?"));
        assert!(!asks("Could I ask how you run your problem walls?"));
        assert!(!asks("How did you get into compilers?"));
    }
}
