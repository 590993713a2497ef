//! How the sender found or knows the recipient: an event, a post, a mutual connection, a school, a shared past (found by the shape of its sentence), a thank-you, an introduction, or a piece of their work named and placed ("your roof on the Alpbach chapel").

use crate::lang::cross;
use crate::lang::en::{
    ANCHORS, CLIENT_WORDS, COMMUNITIES, COMPANY_FAULTS, CONTENT, CONTEXT_PHRASES, CONVERSATIONS,
    DEED_GROUPS, EVENT_TITLES, FAMILY, FOUND, FOUND_HOW, FROM_THE_WORDS, FUNCTION_WORDS,
    GENERIC_THANKED, GENERIC_THANKS, GOOD_WORDS, HOST_VERBS, INTRO, INTRO_ARTICLES, INTRO_FROM,
    I_SHORT, JUST_WORDS, KNOWN_INTROS, KNOW_COMPANY, MISSING_CONTEXT_NOT_NAMES as NOT_NAMES,
    MODALS, NEWS_AFTER, NOTICED, NOT_CONTEXT, NOT_PAST, NOT_SHARED, OWNER_WORDS, PAST_FORMS,
    PLACE_BOTH, PLACE_WORDS, PROFILE_WORDS, RELATIONS, SEEN, SENDER_OBJECTS, SHARED_DOING,
    SHARED_INTEREST, THANKED_FOR_NOTHING, THANKS_WORDS, THEIR_ROLE, THEIR_WORK_WORDS, TOGETHER,
    WEEKDAYS, WELCOME, WHOSE, WITNESS_VERBS,
};
use crate::lang::lexicon;
use crate::signals::owned_nouns;
use crate::text::break_between;
use crate::text::earliest;
use crate::text::is_year;
use crate::text::without_possessive;
use crate::text::{normalise_phrase, Doc, Lexicon, Span, Token};
use crate::Context;
use std::sync::LazyLock;

// ---------------------------------------------------------------------------
// The rule.
// ---------------------------------------------------------------------------

pub static CONTEXT: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut p: Vec<String> = CONTEXT_PHRASES.iter().map(|s| s.to_string()).collect();
    p.extend(cross(&FOUND, &FOUND_HOW));
    p.extend(cross(&SHARED_INTEREST, &["in", "for", "around", "of"]));
    lexicon(&p)
});

pub static NOT: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&NOT_CONTEXT));

static WELCOMES: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&WELCOME));

/// A welcome to someone the sender knows, now found here: "Good to have you on here
/// Pete!". It names nothing, but said to a stranger it would make no sense.
pub fn welcome(doc: &Doc) -> Option<Span> {
    doc.first(&WELCOMES).map(|h| h.span())
}

/// Their company, named right after a word that says how the sender knows it
/// ("a customer of Acme"), or as news the sender saw: "I read that Bergen Havn is aiming
/// for zero-emission terminals by 2030", "saw Orbis Medical is expanding into the
/// Nordics". Fault found with it is no news: "I noticed Getir's ads are underperforming".
pub fn knows_company(doc: &Doc, company_mentions: &[Span]) -> Option<Span> {
    let t = &doc.tokens;
    company_mentions.iter().copied().find(|m| {
        let Some(i) = t.iter().position(|t| t.start == m.start) else {
            return false;
        };
        let Some(j) = t.iter().position(|t| t.end == m.end) else {
            return false;
        };
        let news = || {
            let mut clause =
                (j + 1..t.len().min(j + 9)).take_while(|&k| !break_between(doc, k - 1, k));
            t.get(j + 1).is_some_and(|n| NEWS_AFTER.has(n))
                && !clause.any(|k| COMPANY_FAULTS.has(&t[k]))
        };
        (i.saturating_sub(3)..i).any(|k| {
            let w = t[k].norm.as_str();
            !break_between(doc, k, i)
                && (KNOW_COMPANY.contains(&w) || (NOTICED.contains(&w) && news()))
        })
    })
}

/// "saw your X", "noticed your X", where X is something they made or did, not
/// their profile.
pub fn seen_their(doc: &Doc) -> Option<Span> {
    let t = &doc.tokens;
    (1..t.len()).find_map(|i| {
        if t[i].norm != "your" {
            return None;
        }
        let verb = t[i - 1].norm.as_str();
        let before = i.checked_sub(2).map(|k| t[k].norm.as_str());
        // "to" only in "listened to your"; "across"/"upon" only after "came"/"stumbled".
        let seen = match verb {
            "to" => before == Some("listened"),
            "across" | "upon" => matches!(before, Some("came" | "stumbled")),
            v => SEEN.contains(&v),
        };
        if !seen {
            return None;
        }
        let next = t.get(i + 1).filter(|_| !break_between(doc, i, i + 1))?;
        (!PROFILE_WORDS.has_base(next) && !FUNCTION_WORDS.has(next)).then(|| Span {
            start: t[i - 1].start,
            end: next.end,
        })
    })
}

// ---------------------------------------------------------------------------
// A shared past, found by the shape of a sentence rather than a stock phrase.
// ---------------------------------------------------------------------------

pub fn is_past(word: &str) -> bool {
    PAST_FORMS.contains(&word)
        || (word.len() > 4 && word.ends_with("ed") && !NOT_PAST.contains(&word))
}

/// A shared past, found by the shape of a sentence rather than a stock phrase:
/// - "we" (or "you and I") did something people do together: "we chatted in the coffee
///   queue at KubeCon", "we was talking at TransLogistica", "we did that volunteer
///   project together";
/// - "you" did something for the sender, at a time or an occasion: "your lads lent us a
///   genny last week" does not count, "you lent us a genny last week" does;
/// - the sender "was the" one at an occasion: "I was the stylist's assistant on set on
///   Thursday";
/// - the sender introduces themselves through a shared place: "it's Tomás from the
///   Thursday climbing group", "Sid from the Brighton half", "c'est Hugo du club";
/// - thanks or an apology for something between them: "thank you for letting me shadow
///   you last Wednesday", "thanks for the cocoa market tips".
///
/// People who have met or worked together know each other (seed 004: after an event,
/// "I reached out with individualized thank-you messages"), so a shared past is both how
/// they know them and a reason to connect. A sentence about "companies like yours" or
/// "clients" is a sales claim, not a shared past.
pub fn shared_past(doc: &Doc, greeting_end: usize, theirs: &[String]) -> Option<Span> {
    earliest(&[
        deeds(doc),
        introduced(doc, greeting_end, theirs),
        thanked(doc),
    ])
}

/// [`INTRO`] as a lexicon (its phrases share no first words, so the longest match is
/// the only one).
static INTROS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&INTRO));

/// The sender introduces themselves through a shared place: "it's Tomás from the Thursday
/// climbing group", "Sid from the Brighton half", "c'est Hugo du club d'échecs", "From the
/// 7am spin class, front row". A name the note is addressed to (its words `theirs`) does
/// not count.
pub fn introduced(doc: &Doc, greeting_end: usize, theirs: &[String]) -> Option<Span> {
    let toks = &doc.tokens;
    let raw = |i: usize| &doc.text[toks[i].start..toks[i].end];
    let capital = |i: usize| raw(i).chars().next().is_some_and(char::is_uppercase);
    let a_name = |i: usize| {
        i < toks.len()
            && capital(i)
            && !NOT_NAMES.has(&toks[i])
            && !theirs.iter().any(|w| toks[i].norm == *w)
    };
    let from_at =
        |i: usize| i < toks.len() && INTRO_FROM.has(&toks[i]) && !break_between(doc, i - 1, i);
    for (i, t) in toks.iter().enumerate() {
        if t.start < greeting_end {
            continue;
        }
        // "it's Tomás from", "aqui é a Bia, da turma": an intro, an optional article, a name, "from".
        let intro_len = doc.phrase_at(&INTROS, i).map(|h| h.end_token - i);
        if let Some(n) = intro_len {
            let mut j = i + n;
            if j < toks.len() && INTRO_ARTICLES.has(&toks[j]) {
                j += 1;
            }
            // "It's Tomás from ..." says they know each other; "I'm Joe from Acme" and
            // "This is Joe from Acme" are how cold calls open, so those need a shared
            // place: "I'm Sid from the Brighton half".
            let knows = KNOWN_INTROS.has(t) || (t.norm == "it" && n == 2);
            let shared_place = j + 2 < toks.len() && OWNER_WORDS.has(&toks[j + 2]);
            // "hey ali its mike from the parts counter": a note typed in lower case has its
            // names in lower case too ("it's clear from the report" is no name).
            let lower_name = knows
                && shared_place
                && doc
                    .text
                    .chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_lowercase)
                && j < toks.len()
                && !NOT_NAMES.has(&toks[j])
                && !FUNCTION_WORDS.has(&toks[j]);
            if (a_name(j) || lower_name) && from_at(j + 1) && (knows || shared_place) {
                return Some(Span {
                    start: t.start,
                    end: toks[j + 1].end,
                });
            }
        }
        // A sentence (or the note after its greeting) that opens "Sid from the ..." or "From the ...".
        // English "from" only, before the English words that follow it here: "Kindly do the
        // needful" is no "Bia da turma".
        let opens = i == 0 || toks[i - 1].end <= greeting_end || break_between(doc, i - 1, i);
        if opens
            && a_name(i)
            && from_at(i + 1)
            && toks[i + 1].norm == "from"
            && i + 2 < toks.len()
            && FROM_THE_WORDS.has(&toks[i + 2])
        {
            return Some(Span {
                start: t.start,
                end: toks[i + 1].end,
            });
        }
        if opens
            && t.norm == "from"
            && i + 1 < toks.len()
            && matches!(toks[i + 1].norm.as_str(), "the" | "our")
        {
            return Some(Span {
                start: t.start,
                end: toks[i + 1].end,
            });
        }
    }
    None
}

/// True when word `i` places something in a time or an occasion: "last", "Saturday",
/// "booth", "2019" (see [`ANCHORS`]).
fn anchors(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    ANCHORS.has_base(t) || is_year(&doc.text[t.start..t.end])
}

/// Thanks or an apology for something that happened between them: "thank you for letting
/// me shadow you last Wednesday", "thanks for the cocoa market tips", "sorry again our
/// payment was late in April". Thanks that fit anyone ("thanks for your time",
/// "thank you for considering") do not count.
pub fn thanked(doc: &Doc) -> Option<Span> {
    let toks = &doc.tokens;
    for sentence in &doc.sentences {
        let first = toks.partition_point(|t| t.start < sentence.start);
        let end = toks.partition_point(|t| t.end <= sentence.end);
        // Read only for a sentence that thanks or apologises (most do neither).
        let anchored_cell = std::cell::OnceCell::new();
        let anchored = || *anchored_cell.get_or_init(|| (first..end).any(|i| anchors(doc, i)));
        for i in first..end {
            let w = toks[i].norm.as_str();
            let thanks = THANKS_WORDS.has(&toks[i])
                || (w == "thank" && i + 1 < end && toks[i + 1].norm == "you");
            let sorry = w == "sorry"
                && i + 1 < end
                && matches!(toks[i + 1].norm.as_str(), "again" | "for" | "about");
            if sorry && anchored() {
                return Some(Span {
                    start: toks[i].start,
                    end: toks[i + 1].end,
                });
            }
            if !thanks {
                continue;
            }
            // "thanks for", "thank you for", "thank you again for", "thanks so much for".
            let Some(f) = (i + 1..(i + 4).min(end)).find(|&k| toks[k].norm == "for") else {
                continue;
            };
            if f + 1 >= end {
                continue;
            }
            // What they are thanked for: its content words, past the article or "your".
            let object: Vec<&Token> = toks[f + 1..end]
                .iter()
                .take_while(|t| !matches!(t.norm.as_str(), "and" | "but" | "so"))
                .take(6)
                .collect();
            // Praise and words that point without naming ("inspiring", "conversation")
            // are no content.
            let content = object
                .iter()
                .filter(|w| {
                    !GENERIC_THANKED.has(w)
                        && !crate::lang::en::PRAISE_WORDS.has(w)
                        && !crate::lang::en::VAGUE_REFERENCES.has(w)
                })
                .count();
            // "thanks for the reference": one thing of theirs, named, is specific enough;
            // "thanks for the inspiring conversation" names nothing.
            let named = object
                .iter()
                .take(3)
                .filter(|w| {
                    !GENERIC_THANKED.has(w)
                        && !crate::lang::en::VAGUE_REFERENCES.has(w)
                        && !crate::lang::en::VAGUE_WORDS.has(w)
                        && !crate::lang::en::PRAISE_WORDS.has(w)
                        && !crate::lang::en::is_generic_word(w)
                })
                .count();
            // "thanks for so much": nothing named before the clause turns.
            let Some(&first) = object.first() else {
                continue;
            };
            // "thank you for your amazing humanitarian work": praise of their work in
            // general, done for everyone, not something between them.
            let their_work =
                first.norm == "your" && object.iter().take(4).any(|w| THEIR_WORK_WORDS.has(w));
            if their_work && !anchored() {
                continue;
            }
            let generic_start = GENERIC_THANKS.has(first) && content == 0;
            if generic_start || THANKED_FOR_NOTHING.has(first) {
                continue;
            }
            if anchored() || content >= 2 || named >= 1 {
                return Some(Span {
                    start: toks[i].start,
                    end: toks[f].end,
                });
            }
        }
    }
    None
}

/// The sender placing themselves in a real place, in the first person: "I run the front
/// desk at the Hilton Garden Inn", "I'm a research nurse at St James's", "I drive buses
/// in Galway", "I coordinate oncology trials in Tallinn". Beside something specific of
/// theirs, it is a reason to connect: why their work matters to the sender (seed 004:
/// be clear about your intentions; seed 000: show interest in their work and say how
/// it bears on yours).
pub fn placed_self(doc: &Doc, after: usize) -> Option<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    for range in doc.sentence_tokens() {
        let (first, end) = (range.start, range.end);
        for i in first..end {
            if toks[i].start < after {
                continue;
            }
            let w = norm(i);
            let subject = matches!(w, "i'm" | "im")
                || (w == "am" && i > first && norm(i - 1) == "i")
                || (w == "i" && i + 1 < end && crate::lang::en::PLACED_VERBS.has(&toks[i + 1]));
            if !subject {
                continue;
            }
            let reach =
                (i + 1..(i + 8).min(end)).take_while(|&k| !matches!(norm(k), "your" | "you"));
            for k in reach {
                if PLACE_WORDS.has(&toks[k])
                    && k + 1 < end
                    && crate::signals::greeting::capitalised(doc, k + 1)
                    && !break_between(doc, k, k + 1)
                {
                    return Some(Span {
                        start: toks[i].start,
                        end: toks[k + 1].end,
                    });
                }
            }
            break;
        }
    }
    None
}

/// Deeds done together or for the sender (see [`shared_past`]).
pub fn deeds(doc: &Doc) -> Option<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    for sentence in &doc.sentences {
        let first = toks.partition_point(|t| t.start < sentence.start);
        let end = toks.partition_point(|t| t.end <= sentence.end);
        if first >= end || (first..end).any(|i| CLIENT_WORDS.has(&toks[i])) {
            continue;
        }
        // Worked out once per sentence, at the first word that needs them, so that a
        // sentence of 10,000 "you"s stays linear.
        let dated_cell = std::cell::OnceCell::new();
        let dated = || *dated_cell.get_or_init(|| (first..end).any(|i| anchors(doc, i)));
        let anchored_cell = std::cell::OnceCell::new();
        let anchored =
            || *anchored_cell.get_or_init(|| dated() || (first..end).any(|i| norm(i) == "at"));
        let yours_cell = std::cell::OnceCell::new();
        let yours_or_weekday = || {
            *yours_cell.get_or_init(|| {
                (first..end).any(|k| matches!(norm(k), "your" | "yours") || WEEKDAYS.has(&toks[k]))
            })
        };
        let together_words = (first..end).any(|i| {
            norm(i) == "together" || (norm(i) == "each" && i + 1 < end && norm(i + 1) == "other")
        });
        // "good doing the flood relief night shift with you", "good working the I-35
        // pileup with you".
        let with_you = (first + 1..end).any(|i| norm(i) == "you" && norm(i - 1) == "with");
        // "great singing next to you in the Singakademie choir", "nice rowing alongside you".
        let beside_you = (first + 2..end).any(|i| {
            norm(i) == "you"
                && (norm(i - 1) == "alongside" || (norm(i - 1) == "to" && norm(i - 2) == "next"))
        });
        let span = |i: usize, j: usize| Span {
            start: toks[i].start,
            end: toks[j].end,
        };
        // "Great working the Taste of London stall together!": a shared past told without
        // "we", after a name said to them ("Chris, good working ...", "Hi Chris, good
        // working ...") or not.
        let lead = (first..(first + 3).min(end.saturating_sub(1)))
            .find(|&k| {
                doc.text[toks[k].end..toks[k + 1].start]
                    .trim_start()
                    .starts_with([',', '-', '–', '—'])
            })
            .map_or(first, |k| k + 1);
        if end > lead + 1
            && GOOD_WORDS.has(&toks[lead])
            && (((together_words || beside_you) && SHARED_DOING.has(&toks[lead + 1]))
                || (with_you && matches!(norm(lead + 1), "doing" | "working")))
        {
            return Some(span(lead, lead + 1));
        }
        for i in first..end {
            let w = norm(i);
            // "ex-Natura colleague here", "former Unilever teammate": the sender's tie
            // to them, told without "your" (one of them, not a crowd of ex-colleagues).
            if matches!(w, "ex" | "former") && (i == first || !WHOSE.has(&toks[i - 1])) {
                if let Some(k) = (i + 1..(i + 5).min(end)).find(|&k| RELATIONS.has(&toks[k])) {
                    return Some(span(i, k));
                }
            }
            // "your old PGCE student here", "from your former intern": a tie they had.
            if w == "your" && i + 2 < end && matches!(norm(i + 1), "old" | "former" | "ex") {
                if let Some(k) = (i + 2..(i + 5).min(end)).find(|&k| {
                    let w = norm(k);
                    RELATIONS.contains(&w)
                        || w.strip_suffix('s').is_some_and(|s| RELATIONS.contains(&s))
                }) {
                    return Some(span(i, k));
                }
            }
            let we = matches!(w, "we" | "we've" | "we'd")
                || (w == "i" && i >= first + 2 && norm(i - 1) == "and" && norm(i - 2) == "you");
            // "We haven't met yet", "you never sent us": nothing shared.
            let negated = (i + 1..(i + 4).min(end))
                .any(|j| norm(j).ends_with("n't") || NOT_SHARED.has(&toks[j]));
            if negated {
                continue;
            }
            if we {
                // "we were on opposite sides of the Meyer arbitration last spring".
                if i + 2 < end
                    && matches!(norm(i + 1), "were" | "was")
                    && PLACE_BOTH.has(&toks[i + 2])
                    && anchored()
                {
                    return Some(span(i, i + 2));
                }
                let window = i + 1..(i + 4).min(end);
                if let Some(j) = window.clone().find(|&j| {
                    let v = norm(j);
                    (TOGETHER.contains(&v)
                        && (!v.ends_with("ing") || matches!(norm(j - 1), "was" | "were")))
                        || (together_words && is_past(v))
                }) {
                    // "we should chat sometime", "we could meet", "could we talk?": a
                    // wish or a question, not a past.
                    let asked = i > first && MODALS.has(&toks[i - 1]);
                    let wish = asked || (i + 1..j).any(|k| MODALS.has(&toks[k]));
                    if !wish {
                        return Some(span(i, j));
                    }
                }
            } else if (w == "you" || (w == "your" && i + 1 < end && DEED_GROUPS.has(&toks[i + 1])))
                && anchored()
            {
                // "you fixed my ...", "your team sorted out my ...".
                let from = if w == "you" { i + 1 } else { i + 2 };
                let Some(j) = (from..(from + 2).min(end)).find(|&j| is_past(norm(j))) else {
                    continue;
                };
                if (j + 1..(j + 4).min(end)).any(|k| SENDER_OBJECTS.has(&toks[k])) {
                    return Some(span(i, j));
                }
            } else if w == "i"
                && i + 2 < end
                && (norm(i + 1) == "was" && matches!(norm(i + 2), "the" | "one")
                    // "I volunteered on the Brightmoor build last summer": the sender
                    // took part in what they run.
                    || matches!(norm(i + 1), "volunteered" | "participated")
                        && matches!(norm(i + 2), "on" | "at" | "in")
                        && dated())
                && anchored()
            {
                return Some(span(i, i + 2));
            } else if (matches!(w, "i'm" | "im") || (w == "am" && i > first && norm(i - 1) == "i"))
                && i + 2 < end
                && (norm(i + 1) == "the" || (norm(i + 1) == "one" && norm(i + 2) == "of"))
            {
                // "I'm one of the Saturday food bank drivers", "I'm the parent rep for the
                // team your son plays in": the sender's place in their world.
                if yours_or_weekday() {
                    return Some(span(i, i + 2));
                }
            }
        }
    }
    None
}

/// A concrete detail in the sentence holding `span`, past the greeting (which ends at
/// `greeting_end`): a capitalised word that is not the sentence's first, a greeting word
/// or the recipient's name ("the Meyer arbitration", "the Sheffield UX book club"), a
/// year, or a quoted title. It pins a shared past or a how-found down to something
/// real. Counts ("12 mutual connections") do not count.
pub fn concrete_detail(
    doc: &Doc,
    span: Span,
    greeting_end: usize,
    recipient: Option<&str>,
) -> Option<Span> {
    let sentence = doc.sentence_at(span.start)?;
    let words = doc.tokens_within(sentence.start, sentence.end);
    let names: Vec<String> = recipient
        .map(|n| {
            n.split_whitespace()
                .map(|w| normalise_phrase(w.trim_matches(|c: char| !c.is_alphanumeric())))
                .collect()
        })
        .unwrap_or_default();
    for (k, t) in words.iter().enumerate() {
        let raw = &doc.text[t.start..t.end];
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        let after_quote = doc.text[..t.start].ends_with(['"', '\u{201C}', '\'', '\u{2018}']);
        let named = k > 0
            && t.start >= greeting_end
            && (capital || after_quote)
            && !NOT_NAMES.has(t)
            && !names
                .iter()
                .any(|n| *n == t.norm || *n == without_possessive(&t.norm));
        if named || is_year(raw) {
            return Some(Span {
                start: t.start,
                end: t.end,
            });
        }
    }
    None
}

/// "the programme manager role", "a conference coordinator": the event word names a
/// job, not where they met.
fn title_word(doc: &Doc, after: usize) -> bool {
    doc.tokens
        .get(after)
        .is_some_and(|t| !break_between(doc, after - 1, after) && EVENT_TITLES.has(t))
}

/// "I host a health podcast", "we run a webinar series": the sender's own show, which
/// says nothing of how they know the recipient unless the clause says they took part
/// ("you were a guest on my podcast").
fn hosted(doc: &Doc, at: usize) -> bool {
    let toks = &doc.tokens;
    let mut k = at;
    let mut host = false;
    while k > 0 && at - k < 6 && !break_between(doc, k - 1, k) {
        k -= 1;
        match toks[k].norm.as_str() {
            "you" | "your" | "you're" | "you've" => return false,
            "i" | "i'm" | "we" | "we're" => return host,
            w => host |= HOST_VERBS.contains(&w),
        }
    }
    false
}

/// Finds how the sender found or knows them.
pub fn detect(doc: &Doc, ctx: &Context) -> Option<Span> {
    detect_with(
        doc,
        ctx,
        &crate::signals::specifics::company_mentions(doc, ctx),
    )
}

/// [`detect`], given where the note names their company.
pub fn detect_with(doc: &Doc, ctx: &Context, company_mentions: &[Span]) -> Option<Span> {
    earliest(&ways(doc, ctx, company_mentions))
}

/// The first place the note says each way it knows them (a stock phrase of context,
/// their content, a community, a conversation, their company, their work seen, named
/// or witnessed), for a caller that keeps only some before taking the earliest: a
/// vague one early in the note must not hide a concrete one later.
pub fn ways(doc: &Doc, ctx: &Context, company_mentions: &[Span]) -> [Option<Span>; 8] {
    if doc.word_count() == 0 {
        return [None; 8];
    }
    let span = |(i, j): (usize, usize)| Span {
        start: doc.tokens[i].start,
        end: doc.tokens[j].end,
    };
    let not = doc.find(&NOT);
    // "AMA" is an event, "Ama" the person they are writing to.
    let first = ctx.recipient.first_name().unwrap_or("");
    let their_name = |h: &crate::text::Hit| &doc.text[h.start..h.end] == first;
    [
        doc.find_iter(&CONTEXT)
            .find(|h| {
                !not.iter().any(|n| n.start < h.end && h.start < n.end)
                    && !title_word(doc, h.end_token)
                    && !hosted(doc, h.first_token)
                    && !their_name(h)
            })
            .map(|h| h.span()),
        owned_nouns(doc, &["your"], CONTENT, 3)
            .into_iter()
            .next()
            .map(span),
        owned_nouns(doc, &["the", "our"], COMMUNITIES, 4)
            .into_iter()
            .next()
            .map(span),
        owned_nouns(doc, &["our"], CONVERSATIONS, 2)
            .into_iter()
            .next()
            .map(span),
        knows_company(doc, company_mentions),
        seen_their(doc),
        their_named_work(doc),
        witnessed(doc, ctx),
    ]
}

/// The sender met their work first hand, named and placed in time: "I ate at Anan last
/// week", "Saw 'Market Women' at Rele on Friday", "We visited the Lumen exhibition
/// twice", "Just finished Lantern Keeper". A name after the verb says what; a time or
/// occasion says it happened. "I saw you work at Google" names their employer, not a
/// thing of theirs met, and has no time: it does not count; nor does a thing of another
/// organisation than theirs: "I saw Scottish Power's fund ..." to someone at NatWest.
pub fn witnessed(doc: &Doc, ctx: &Context) -> Option<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    for range in doc.sentence_tokens() {
        let (first, end) = (range.start, range.end);
        let Some(i) = (first..end).find(|&i| WITNESS_VERBS.has(&toks[i])) else {
            continue;
        };
        // The sender is the subject: "I saw", "we visited", "I just finished", or a
        // sentence that opens with the verb ("Went to the open day ...").
        let mut s = i;
        if s > first && JUST_WORDS.has(&toks[s - 1]) {
            s -= 1;
        }
        // "my son played you in the Tbilisi simul": the sender's family counts.
        let family = s >= first + 2 && norm(s - 2) == "my" && FAMILY.has(&toks[s - 1]);
        // "Naledi, saw Sizwe's Return on Friday": a name said to them, then the verb.
        let vocative = s == first + 1 && doc.text[toks[first].end..toks[s].start].contains(',');
        // "I read that Orbis has opened a site": news, which counts only of their
        // company (see [`knows_company`]).
        if (s != first && !matches!(norm(s - 1), "i" | "we") && !family && !vocative)
            || (i + 1 < end && matches!(norm(i + 1), "that" | "about"))
        {
            continue;
        }
        // What was met: a name, or a thing they made ("the raranga exhibition you
        // curated").
        let Some(k) = (i + 1..end).find(|&k| {
            (crate::signals::greeting::is_name_token(doc, k) && !I_SHORT.has(&toks[k]))
                || (norm(k) == "you" && k + 1 < end && is_past(norm(k + 1)))
        }) else {
            continue;
        };
        let placed =
            (first..end).any(|j| anchors(doc, j) || matches!(norm(j), "just" | "twice" | "times"));
        // "Scottish Power's": the name of whoever owns the thing, which must be theirs.
        // "Sizwe's Return" is a title: an owner's thing is named in lower case.
        let owner = (k..end)
            .take_while(|&j| crate::signals::greeting::capitalised(doc, j))
            .find(|&j| norm(j).ends_with("'s"))
            .filter(|&j| j + 1 < end && !crate::signals::greeting::capitalised(doc, j + 1));
        let others = owner.is_some_and(|j| {
            ctx.recipient.known().company.as_deref().is_some_and(|c| {
                let c = normalise_phrase(c);
                !(k..=j).any(|m| c.split(' ').any(|w| w == without_possessive(norm(m))))
            })
        });
        if (placed || their_thing(doc, ctx, i, k..end)) && !others {
            return Some(Span {
                start: toks[i].start,
                end: toks[k].end,
            });
        }
    }
    None
}

/// A thing of their company's that the sender met first hand, named from `what.start`
/// on after the verb at `verb`: "we use Khatt Sans across our signage", "I used the Lowy
/// Pacific Aid Map". It needs no time to count. Not their employer ("saw you work at
/// Canva"), news of it ("saw Pressoir took gold") or their name seen somewhere ("saw
/// Orbis on a list"). Out of line: inlined into [`witnessed`] it cost about 400 bytes of
/// the size-built wasm engine.
#[inline(never)]
fn their_thing(doc: &Doc, ctx: &Context, verb: usize, what: std::ops::Range<usize>) -> bool {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    let known = ctx.recipient.known();
    let Some(lead) = known.company.as_deref().and_then(|c| c.split(' ').next()) else {
        return false;
    };
    lead.len() > 2
        && !(verb + 1..what.start).any(|m| matches!(norm(m), "you" | "your"))
        && what.clone().any(|m| {
            doc.text[toks[m].start..toks[m].end]
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                == lead
                && !toks
                    .get(m + 1)
                    .is_some_and(|n| NEWS_AFTER.has(n) || is_past(&n.norm))
                && (m + 1..what.end)
                    .find(|&e| !crate::signals::greeting::capitalised(doc, e))
                    .is_none_or(|e| norm(e) != "on")
        })
}

/// A piece of their work, named and placed: "your roof on the Alpbach chapel", "your
/// greywater work at Red Sea Global", "your reporting from the Kyiv bureau". Naming it
/// says the sender has seen it. "your work at Google" or "your team at Acme" name no
/// work, only where they are.
pub fn their_named_work(doc: &Doc) -> Option<Span> {
    let t = &doc.tokens;
    let capital = |k: usize| {
        doc.text[t[k].start..t[k].end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    (0..t.len()).find_map(|i| {
        if t[i].norm != "your" {
            return None;
        }
        let clause = |k: usize| k < t.len() && !break_between(doc, k - 1, k);
        // One to three words of the work, then where it is.
        let p = (i + 2..(i + 5).min(t.len()))
            .take_while(|&k| clause(k))
            .find(|&k| PLACE_WORDS.has(&t[k]))?;
        let work = &t[i + 1..p];
        let named = work.iter().any(|w| {
            !THEIR_ROLE.has(w)
                && !PROFILE_WORDS.has_base(w)
                && !FUNCTION_WORDS.has(w)
                && !crate::lang::en::is_generic_word(w)
                && !crate::lang::en::PRAISE_WORDS.has(w)
                && !crate::lang::en::VAGUE_WORDS.has(w)
        });
        let place = (p + 1..(p + 3).min(t.len()))
            .take_while(|&k| clause(k))
            .find(|&k| !matches!(t[k].norm.as_str(), "the" | "a"))
            .filter(|&k| capital(k))?;
        named.then(|| Span {
            start: t[i].start,
            end: t[place].end,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{deeds, introduced, placed_self, thanked, witnessed};
    use crate::text::Doc;
    use crate::Context;

    #[test]
    fn a_sender_placed_by_a_shared_place() {
        let found = |t: &str| introduced(&Doc::new(t), 0, &[]).is_some();
        assert!(found("Sid from the Brighton half here! Great run."));
        assert!(found(
            "Hi Dan, it's Tomás from the Thursday climbing group."
        ));
        // "do" is Portuguese "from" only in a Portuguese sentence.
        assert!(!found("Dear Sir, Kindly do the needful and accept."));
        // Typed in lower case, names and all.
        assert!(found(
            "hey ali its mike from the parts counter at NAPA. still got those rotors"
        ));
        assert!(!found(
            "Hi Ali, it's clear from the report that sales are up."
        ));
    }

    fn placed(text: &str) -> Option<String> {
        placed_self(&Doc::new(text), 0).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn thanks_for_something_named_is_a_shared_past() {
        let found = |t: &str| thanked(&Doc::new(t)).is_some();
        assert!(found("Thanks for the help with my visa forms last week."));
        assert!(found("Thank you for the reference, Amaka."));
        assert!(!found(
            "Thanks for the inspiring conversation! It got me thinking."
        ));
        assert!(!found("Thanks for connecting."));
        // Thanks in the writer's own language, in an English note.
        assert!(found(
            "Hola Daniela, gracias for answering my question in the careers live last Tuesday."
        ));
        assert!(found("Marisol, merci for the orientation week."));
        assert!(!found("Merci for connecting!"));
    }

    #[test]
    fn a_deed_of_their_team_for_the_sender() {
        let past = |t: &str| deeds(&Doc::new(t)).is_some();
        assert!(past(
            "I own the pharmacy on Isaac John Street. Your team sorted out my POS settlement delay in one day last week."
        ));
        assert!(past("Your crew fixed our roof last Tuesday."));
        // An occasion pins it down: a walk, a procession.
        assert!(past(
            "Your team kindly lent us crowd barriers for our Easter procession."
        ));
        assert!(past("I was one of the volunteers on the Peace Walk."));
        assert!(past(
            "I volunteered at the Matariki hangi last month and loved it."
        ));
        assert!(!past("I volunteered at a food bank."));
        // How long it went on pins it down as well as when.
        assert!(past(
            "Your team has cleaned our office on South Lamar for 2 years now."
        ));
        // Their team's work for others, or no time or place: no deed for the sender.
        assert!(!past("Your team shipped a great release last week."));
        assert!(!past("Your team sorted out my problem."));
    }

    #[test]
    fn a_tie_told_in_a_few_words() {
        let past = |t: &str| deeds(&Doc::new(t)).is_some();
        assert!(past("Gabriel! Ex-Natura colleague here, how is São Paulo?"));
        assert!(past("Rohan - ex-Nashik paint shop colleague (2017)!"));
        assert!(past(
            "Ravi - good doing the Chennai flood relief night shift with you."
        ));
        // Side by side, told without "we"; not a wish.
        assert!(past(
            "Hi Matthias, great singing next to you in the project choir."
        ));
        assert!(!past("Hi Matthias, great singing in the project choir."));
        assert!(!past(
            "Hi Matthias, I'd love to sit next to you at the gala."
        ));
        assert!(past(
            "Noah, EMT with Travis County. Good working the I-35 pileup with you in Feb."
        ));
        assert!(!past(
            "I'm keen to reconnect with former colleagues and classmates."
        ));
    }

    #[test]
    fn their_work_met_first_hand_and_placed_in_time() {
        let at = |company: Option<&str>| Context {
            recipient: crate::Recipient {
                company: company.map(str::to_string),
                ..Default::default()
            },
            ..Context::default()
        };
        let met = |t: &str, c: Option<&str>| witnessed(&Doc::new(t), &at(c)).is_some();
        assert!(met(
            "I ate at Casa Lupa last Friday, the gnocchi were perfect.",
            None
        ));
        assert!(met(
            "Went to the Harbour open day on Saturday with my kids.",
            None
        ));
        assert!(met("Just finished Tidewater, that ending!", None));
        assert!(met(
            "We visited the Kelp exhibition twice.",
            Some("Kelp Studio")
        ));
        assert!(met(
            "I saw Orla's staging of Medea last week.",
            Some("Orla Theatre Co")
        ));
        // A thing they made, met first hand.
        assert!(met("I visited the tapestry show you curated twice.", None));
        // The sender's family; a name said to them first; a title with a possessive.
        assert!(met(
            "My daughter played you in the Galway simul last week.",
            None
        ));
        assert!(met(
            "Ines, saw Marta's Garden at the Abbey on Friday.",
            Some("Abbey Theatre")
        ));
        // Their employer, no thing met and no time; a thing of someone else's.
        assert!(!met("I saw you work at Google.", None));
        assert!(!met("Saw your post, great insights!", None));
        assert!(!met("I visited your profile yesterday.", None));
        assert!(!met("She saw Lisbon last year.", None));
        assert!(!met("I read that Fabrikam opened a site in Cork.", None));
        assert!(!met(
            "I saw Northwind's new fund last month.",
            Some("Contoso Bank")
        ));
        // Their company's thing, met first hand, needs no time; their employer, news of
        // it or a thing without their company's name does.
        assert!(met(
            "We use Khatt Sans across our museum signage.",
            Some("Khatt Foundry")
        ));
        assert!(met(
            "I used the Lowy Pacific Aid Map for a story.",
            Some("Lowy Institute")
        ));
        assert!(!met("I saw you lead design at Canva.", Some("Canva Pty")));
        assert!(!met(
            "I saw Pressoir took gold in Frankfurt.",
            Some("Pressoir SA")
        ));
        assert!(!met(
            "We use Khatt Sans across our signage.",
            Some("Naskh Foundry")
        ));
    }

    #[test]
    fn a_wish_is_not_a_shared_past() {
        let past = |t: &str| deeds(&Doc::new(t)).is_some();
        assert!(past("We chatted in the queue at KubeCon."));
        assert!(!past("Hey Liam, we should chat sometime."));
        assert!(!past("Accept so we can chat about something important."));
        assert!(!past("I'm starting a timber project. Could we talk?"));
    }

    #[test]
    fn thanks_for_their_work_in_general_is_no_shared_past() {
        let found = |t: &str| thanked(&Doc::new(t)).is_some();
        assert!(!found(
            "Thank you for your amazing humanitarian work in Ukraine."
        ));
        assert!(found(
            "Thank you for your work on my visa case last spring."
        ));
    }

    #[test]
    fn the_senders_own_show_or_a_job_title_is_not_how_they_met() {
        let how = |t: &str| {
            super::detect_with(&Doc::new(t), &Context::default(), &[])
                .map(|s| t[s.start..s.end].to_string())
        };
        assert_eq!(how("Hi Marcus, I host a health podcast for GPs."), None);
        assert_eq!(
            how("Hi Marcus, you were a guest on the podcast I host.").as_deref(),
            Some("podcast")
        );
        assert_eq!(
            how("I'm applying for the programme manager role at Oxfam."),
            None
        );
        assert_eq!(
            how("We met on the programme at INSEAD.").as_deref(),
            Some("We met")
        );
    }

    #[test]
    fn their_work_named_and_placed_says_how_they_found_them() {
        let named =
            |t: &str| super::their_named_work(&Doc::new(t)).map(|s| t[s.start..s.end].to_string());
        assert_eq!(
            named("Jakob, your roof on the Alpbach chapel is beautiful work.").as_deref(),
            Some("your roof on the Alpbach")
        );
        assert_eq!(
            named("Hi Zeynep, your grid-connection work at Kalyon is rare.").as_deref(),
            Some("your grid-connection work at Kalyon")
        );
        for t in [
            "Hi Ana, I admire your work at Google.",
            "Hi Ana, I'd love to join your team at Acme.",
            "Hi Ana, your profile on LinkedIn stood out.",
            "Hi Ana, your amazing work in marketing.",
            "Hi Ana, your roof. On Monday I start.",
        ] {
            assert_eq!(named(t), None, "{t}");
        }
    }

    #[test]
    fn the_sender_placed_in_a_real_place() {
        assert_eq!(
            placed("I'm a research nurse at St James's, the partner site.").as_deref(),
            Some("I'm a research nurse at St")
        );
        assert_eq!(
            placed("Hi, I drive buses in Galway.").as_deref(),
            Some("I drive buses in Galway")
        );
        assert_eq!(
            placed("I run whisky tours from Inverness.").as_deref(),
            Some("I run whisky tours from Inverness")
        );
    }

    #[test]
    fn no_place_or_not_the_sender() {
        assert_eq!(placed("I'm a digital marketing expert."), None);
        assert_eq!(placed("I saw your talk at RustConf."), None);
        assert_eq!(placed("I'm a huge fan of your work at Stripe."), None);
        assert_eq!(placed("You run the best tours in Savannah."), None);
        assert_eq!(placed("I'm in awe. Berlin was great."), None);
    }
}
