//! Guilt and orders found by the shape of a sentence, where a phrase list would miss the
//! wording: a complaint about unanswered messages ("I've reached out twice now", "you
//! never got back to me", "no reply yet") or an invitation not accepted ("you viewed my
//! profile but didn't connect"), an order to accept ("hit accept so I can...",
//! "please accept this"; not the closing formula "kindly accept my request"), a plea for an exception ("I hope you'll make an exception
//! this once"), a meeting booked for them ("I've blocked 30 mins for us at 2pm") or a
//! favour with a deadline ("could you review it and send comments before Monday?"), and
//! blame or a grievance aired at them ("still bitter about how it was handled").

use crate::lang::en;
use crate::lang::en::{
    ACCEPTED_COURTESIES, ACCEPTING, ATTEMPTS, BOOKED, CHASED_BEFORE, CONDITIONALS, COURTESY_AFTER,
    DEADLINE_WORDS, DID_NOT, NEVER_HEARD, NOT_YET, ORDER_AFTER, ORDINALS, SUBJECT_PRONOUNS,
};
use crate::text::{Doc, Span};

/// What kind of push a sentence makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guilt {
    /// Complaining that earlier messages went unanswered.
    Complaint,
    /// Telling them to accept, or booking their time for them.
    Order,
    /// Asking them to bend their own rule for the sender.
    Plea,
    /// Blame or a grievance aired at them ("the mess you left", "disgraceful").
    Grievance,
}

static GRIEVANCES: std::sync::LazyLock<crate::text::Lexicon> =
    std::sync::LazyLock::new(|| crate::lang::lexicon(&en::GRIEVANCES));

fn is_repeat(w: &str) -> bool {
    en::CHASE_REPEATS.contains(&w)
}

fn is_reply(w: &str) -> bool {
    en::CHASE_REPLIES.contains(&w)
}

/// Every guilt or order sentence of the note, with the words that make it one.
pub fn detect(doc: &Doc) -> Vec<(Span, Guilt)> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    let mut out = Vec::new();
    for range in doc.sentence_tokens() {
        let (first, end) = (range.start, range.end);
        let span = |i: usize, j: usize| Span {
            start: toks[i].start,
            end: toks[j].end,
        };
        let mut found = None;
        for i in first..end {
            let w = norm(i);
            let near = |reach: usize, pred: &dyn Fn(&str) -> bool| {
                (i + 1..(i + 1 + reach).min(end)).find(|&j| pred(norm(j)))
            };
            // "I've reached out twice", "I have messaged you three times", "I've sent you
            // four InMails".
            // Not "I've sent to three new grads already": sent to someone else ("I've
            // written to support three times" still complains of their company).
            let elsewhere =
                w == "sent" && i + 2 < end && norm(i + 1) == "to" && norm(i + 2) != "you";
            if en::CHASE_VERBS.has(&toks[i])
                && i > first
                && CHASED_BEFORE.has(&toks[i - 1])
                && !elsewhere
            {
                let counted = (i + 1..(i + 6).min(end)).find(|&j| {
                    // "sent you the 2 files": what was sent, not how often.
                    j + 1 < end
                        && !matches!(norm(j - 1), "the" | "these" | "those" | "our" | "your")
                        && (en::NUMBER_WORDS.has(&toks[j])
                            || toks[j].norm.bytes().all(|b| b.is_ascii_digit()))
                        && en::CHASE_COUNTED.has(&toks[j + 1])
                });
                if let Some(j) = near(6, &is_repeat).or(counted.map(|j| j + 1)) {
                    found = Some((span(i - 1, j), Guilt::Complaint));
                    break;
                }
            }
            // "you never got back to me", "you haven't replied", "no reply yet".
            // ("you have to reply" is an obligation, for the order readers, not a complaint.)
            if matches!(w, "you" | "you've")
                && (i + 1 < end)
                && NOT_YET.has(&toks[i + 1])
                && !(norm(i + 1) == "have" && i + 2 < end && norm(i + 2) == "to")
            {
                if let Some(j) = near(4, &is_reply) {
                    // "if you haven't replied", "no worries if you haven't accepted yet".
                    let condition = i > first && CONDITIONALS.has(&toks[i - 1]);
                    if !condition && (i + 1..j).all(|k| norm(k) != "if") {
                        found = Some((span(i, j), Guilt::Complaint));
                        break;
                    }
                }
            }
            // "you viewed my profile but didn't connect": not accepting, held against them.
            if DID_NOT.has(&toks[i]) && near(2, &|v| {
                ACCEPTING.contains(&v)
            })
            .is_some()
                // Whose "didn't": the nearest person before it; no condition in the sentence.
                && (first.max(i.saturating_sub(8))..i)
                    .rev()
                    .find(|&k| {
                        SUBJECT_PRONOUNS.has(&toks[k])
                    })
                    .is_some_and(|k| matches!(norm(k), "you" | "you've"))
                && (first..i).all(|k| !CONDITIONALS.has(&toks[k]))
            {
                found = Some((span(i, i + 1), Guilt::Complaint));
                break;
            }
            // "this is my third request", "my 2nd message to you".
            if w == "my" && i + 2 < end && ORDINALS.has(&toks[i + 1]) && ATTEMPTS.has(&toks[i + 2])
            {
                found = Some((span(i, i + 2), Guilt::Complaint));
                break;
            }
            // "I applied twice and never heard back".
            if NEVER_HEARD.has(&toks[i])
                && i + 2 < end
                && norm(i + 1) == "heard"
                && norm(i + 2) == "back"
            {
                found = Some((span(i, i + 2), Guilt::Complaint));
                break;
            }
            // "no reply yet" complains; "no reply needed" is a courtesy.
            let courtesy_after = i + 2 < end && COURTESY_AFTER.has(&toks[i + 2]);
            if w == "no"
                && i + 1 < end
                && matches!(norm(i + 1), "reply" | "response" | "answer")
                && !courtesy_after
            {
                found = Some((span(i, i + 1), Guilt::Complaint));
                break;
            }
            // "hit accept", "please accept this", "accept so I can", "Noah, accept this
            // please".
            // Also "Connect with me.", "Grace, connect with me to learn more": an order to
            // accept in other words ("Please connect with me" is the polite formula).
            let connect =
                w == "connect" && i + 2 < end && norm(i + 1) == "with" && norm(i + 2) == "me";
            if w == "accept" || connect {
                let before = i.checked_sub(1).map(norm);
                let vocative =
                    i == first + 1 && doc.text[toks[first].end..toks[i].start].contains(',');
                let ordered = i == first
                    || vocative
                    || (!connect
                        && matches!(
                            before,
                            Some("please" | "hit" | "click" | "just" | "kindly" | "pls")
                        ));
                let so = i + 1 < end && ORDER_AFTER.has(&toks[i + 1]);
                // "Please accept my thanks", "accept my apologies": no order.
                let courtesy = (i + 1..(i + 3).min(end)).any(|k| ACCEPTED_COURTESIES.has(&toks[k]));
                // "Kindly accept my request, sir": the closing formula of formal English
                // in much of Africa and South Asia, not an order (its words still weigh
                // in the learned wording); "accept my request so I can" stays one.
                let asked = |k: usize| k < end && ATTEMPTS.has(&toks[k]);
                let k = i + 2 + usize::from(!asked(i + 2));
                let formula = matches!(before, Some("please" | "kindly" | "pls"))
                    && asked(k)
                    && !(k + 1 < end && ORDER_AFTER.has(&toks[k + 1]));
                let negated =
                    before.is_some_and(|b| matches!(b, "to" | "not" | "you") || b.ends_with("n't"));
                if !(courtesy || formula)
                    && (ordered && !negated || (so && before == Some("please")))
                {
                    found = Some((span(i.saturating_sub(1).max(first), i), Guilt::Order));
                    break;
                }
            }
            // "could you review it and send comments before Monday?": a favour with a
            // deadline on their time.
            if matches!(w, "by" | "before")
                && i + 1 < end
                && (crate::lang::en::WEEKDAYS.has(&toks[i + 1]) || DEADLINE_WORDS.has(&toks[i + 1]))
                && (first..end).any(|k| {
                    norm(k) == "please"
                        || (matches!(norm(k), "could" | "can" | "will")
                            && k + 1 < end
                            && norm(k + 1) == "you")
                })
            {
                found = Some((span(i, i + 1), Guilt::Order));
                break;
            }
            // "I've blocked 30 mins for us".
            if BOOKED.has(&toks[i])
                && i > first
                && matches!(norm(i - 1), "i've" | "i" | "have")
                && near(6, &|v| matches!(v, "us" | "you" | "our")).is_some()
            {
                found = Some((span(i - 1, i), Guilt::Order));
                break;
            }
            // "I'll call your office on Monday at 10am": a call set for them.
            let timed = |v: &str| {
                en::WEEKDAYS.contains(&v)
                    || v == "tomorrow"
                    || (v.starts_with(|c: char| c.is_ascii_digit())
                        && (v.ends_with("am") || v.ends_with("pm")))
            };
            if matches!(w, "call" | "ring" | "phone")
                && i > first
                && (norm(i - 1) == "i'll"
                    || (norm(i - 1) == "will" && i > first + 1 && norm(i - 2) == "i"))
                && near(8, &timed).is_some()
            {
                found = Some((span(i - 1, i), Guilt::Order));
                break;
            }
            // "make an exception", "it would mean a lot to me".
            if w == "exception" && i >= 2 && norm(i - 2) == "make" {
                found = Some((span(i - 2, i), Guilt::Plea));
                break;
            }
        }
        // "I sent a request in the spring that you didn't accept, and that's fine", "you
        // didn't accept my last request, and fair enough": the sender lets it go.
        let conceded = || {
            toks[first..end]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "fine" | "enough") || en::APOLOGIES.has(t))
        };
        if !matches!(found, Some((_, Guilt::Complaint))) || !conceded() {
            out.extend(found);
        }
    }
    // Blame or a grievance, one finding a sentence, where no other push was found (both
    // lists in text order, so a long paste stays linear).
    let sentence_of = |at: usize| doc.sentences.partition_point(|s| s.end <= at);
    let taken: Vec<usize> = out.iter().map(|(s, _)| sentence_of(s.start)).collect();
    let mut last = None;
    // "Thanks a lot, and glad to connect", "thanks a lot for the video" and "sent it the
    // day after, thanks a lot!" thank them: only a "thanks a lot" tacked on after a
    // complaint ("still not done because of you") is sarcasm.
    let sincere = |h: &crate::text::Hit| {
        let toks = &doc.tokens;
        let i = h.first_token;
        toks[i].norm == "thanks"
            && (i == 0
                || crate::text::break_between(doc, i - 1, i)
                || toks.get(h.end_token).is_some_and(|t| t.norm == "for")
                || !toks[doc.sentence_tokens_of(i).0..i]
                    .iter()
                    .any(|t| en::NEGATIONS.has(t) || t.norm == "still"))
    };
    // "I'm sorry, it was rude": a fault the sender owns; "the outage wasn't your fault":
    // blame taken off them.
    let owned = |h: &crate::text::Hit| {
        let toks = &doc.tokens;
        let (from, to) = doc.sentence_tokens_of(h.first_token);
        // "I sent a request without a note, which was a bit rude": the sender's own
        // doing, judged in a clause of its own, in a sentence that says nothing of them.
        let which = (h.first_token.saturating_sub(7).max(from)..h.first_token)
            .find(|&k| toks[k].norm == "which");
        let mine = which.is_some_and(|w| {
            toks[from..w]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "i" | "i'd" | "i've"))
        }) && !toks[from..to].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "you" | "your" | "you're" | "you've" | "you'd" | "yours"
            )
        });
        mine || toks[from..to].iter().any(|t| en::APOLOGIES.has(t))
            || h.first_token.checked_sub(1).is_some_and(|k| {
                k >= from && (en::NEGATIONS.has(&toks[k]) || toks[k].norm.ends_with("n't"))
            })
    };
    for h in doc.find_iter(&GRIEVANCES) {
        if sincere(&h) || owned(&h) {
            continue;
        }
        let sentence = sentence_of(h.start);
        if taken.binary_search(&sentence).is_err() && last != Some(sentence) {
            last = Some(sentence);
            out.push((h.span(), Guilt::Grievance));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Guilt> {
        detect(&Doc::new(text))
            .into_iter()
            .map(|(_, g)| g)
            .collect()
    }

    #[test]
    fn complaints_orders_and_pleas() {
        assert_eq!(
            kinds("I've reached out twice now without luck."),
            [Guilt::Complaint]
        );
        assert_eq!(
            kinds("You never got back to me about the role."),
            [Guilt::Complaint]
        );
        assert_eq!(
            kinds("Hey Jordan - hit accept so I can send you details."),
            [Guilt::Order]
        );
        assert_eq!(kinds("Please accept this."), [Guilt::Order]);
        assert_eq!(kinds("Noah, accept this please."), [Guilt::Order]);
        assert!(kinds("Please don't feel you have to reply.").is_empty());
        assert_eq!(kinds("You have not replied yet."), [Guilt::Complaint]);
        assert!(kinds("Noah, accepting the award was your moment.").is_empty());
        assert!(kinds("Thanks, Noah. I accept your point on pricing.").is_empty());
        assert_eq!(kinds("I've blocked 30 mins for us at 2pm."), [Guilt::Order]);
        // The closing formula of formal English is a courtesy; an order still orders.
        assert!(kinds("We met at the NAPE conference. Kindly accept my request, sir.").is_empty());
        assert!(kinds("Thank you ma, please accept my connection request.").is_empty());
        assert_eq!(
            kinds("Please accept my request so I can send you the deck."),
            [Guilt::Order]
        );
        assert_eq!(
            kinds("Following our call I've reserved Thursday at 10am for you."),
            [Guilt::Order]
        );
        assert_eq!(
            kinds("I'll call your office on Monday at 10am to go through the pricing."),
            [Guilt::Order]
        );
        assert!(kinds("I'll call you when I'm back in Leeds.").is_empty());
        assert_eq!(kinds("This is my third request."), [Guilt::Complaint]);
        assert_eq!(
            kinds("Saw you checked out my profile but never accepted."),
            [Guilt::Complaint]
        );
        assert_eq!(
            kinds("I'm still cleaning up the mess you left on the braking module, thanks a lot."),
            [Guilt::Grievance]
        );
        assert_eq!(
            kinds("The review's still not done because of you, thanks a lot."),
            [Guilt::Grievance]
        );
        assert_eq!(
            kinds("With respect, I still think you're wrong about displacement."),
            [Guilt::Grievance]
        );
        assert_eq!(
            kinds("I've sent you four InMails about our sensors and heard nothing."),
            [Guilt::Complaint]
        );
        assert!(kinds("I've sent you the 2 emails from the workshop.").is_empty());
        assert_eq!(
            kinds("Your staff was rude to my father yesterday."),
            [Guilt::Grievance]
        );
        assert_eq!(
            kinds("Connecting so you can explain yourself properly."),
            [Guilt::Grievance]
        );
        // The sender's own doing, judged by the sender; a judgement of theirs still counts.
        assert!(kinds(
            "I sent a request last spring without a note, which in hindsight was a bit rude."
        )
        .is_empty());
        assert_eq!(
            kinds("She failed your class. I still think it was unfair."),
            [Guilt::Grievance]
        );
        assert_eq!(
            kinds("I asked you twice, which was rude of you to ignore."),
            [Guilt::Grievance]
        );
        // A fault the sender owns, or blame taken off them.
        assert!(kinds("I cut in on your point. I'm sorry, it was rude.").is_empty());
        assert!(kinds("The outage wasn't your fault and you fixed it fast.").is_empty());
        // Sent to someone else, not chasing them.
        assert!(kinds("Your episode is one I've sent to three new grads already.").is_empty());
        // Blame in jest is credit: "which is partly your fault. Thank you!"
        assert!(
            kinds("I'm a sound engineer now, which is partly your fault. Thank you!").is_empty()
        );
        // A sincere thanks: it opens its sentence or says what for.
        assert!(
            kinds("Your video got me through my exam. Thanks a lot, and glad to connect.")
                .is_empty()
        );
        assert!(kinds("Hi Andrés, thanks a lot for the PID tuning video!").is_empty());
        assert!(
            kinds("You gave me the beta for the crux, sent it the day after, thanks a lot!")
                .is_empty()
        );
        assert_eq!(
            kinds("Could you review my draft and send comments before Monday?"),
            [Guilt::Order]
        );
        assert_eq!(
            kinds("I applied to four roles and never heard back."),
            [Guilt::Complaint]
        );
        assert_eq!(
            kinds("I hope you'll make an exception this once."),
            [Guilt::Plea]
        );
    }

    #[test]
    fn ordinary_sentences_are_not_guilt() {
        assert!(kinds("Thanks for the reference, I got the job!").is_empty());
        assert!(
            kinds("It's my second time at KubeCon and your talk was the highlight.").is_empty()
        );
        assert!(kinds("My third book comes out in May.").is_empty());
        assert!(kinds("Happy to send you the slides by Friday if useful.").is_empty());
        assert!(kinds("We shared a desk by the broken projector, good times.").is_empty());
        assert!(kinds("Can you believe the panel is on Friday?").is_empty());
        assert!(kinds("I'd be glad if you accept, and no worries if not.").is_empty());
        assert!(kinds("I emailed the lab last year and you replied within a day.").is_empty());
        assert!(kinds("Let me know if you never got the slides and I'll resend them.").is_empty());
        assert!(kinds("Happy to accept your advice on this.").is_empty());
        assert!(kinds("I know you get a lot of messages so no reply needed.").is_empty());
        // The sender's own "didn't", or a condition.
        assert!(kinds("You spoke at the summit but I didn't connect then.").is_empty());
        assert!(kinds("No worries if you haven't accepted yet.").is_empty());
    }
}
