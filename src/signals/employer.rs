//! Where a note says the recipient works now: "your work at Google", "congrats on
//! joining Datadog", "you're the Head of Engineering at Monzo", "a fellow Acme colleague",
//! "your Grab booth", "congrats to the whole Cemex team", "your post about building the
//! hiring team at Starling", and a well-known employer named in a clause about them
//! ("your post on guardrail metrics at Deliveroo"). A shared past
//! ("miss working with you at Accenture"), the sender's own place ("I'm at Triodos"), an
//! opening ("a job at Infosys") or an event named after a company ("at Google I/O") is
//! not where they work. `wrong-company` compares what is found here with their profile.

use crate::lang::en::{
    ABOUT_THEM, APPOINTED, COLLEAGUES, COMPANY_NEWS, CONGRATS_THEM, CONTENT, DETERMINERS,
    EVENT_KINDS, FROM_ME, FUNCTION_WORDS, HOW_THEY_ARE, IN_TITLES, MOVED, NAME_JOINERS,
    NOT_THERE_NOW, NUMBER_WORDS, OCCUPATIONS, OPENINGS, PRAISE_WORDS, SAID_TO_THEM, SENDER_AS,
    SUFFIXES, THEIR_DOING, THEIR_MAKING, THEIR_ROLE, TITLES, TO_THEM, VAGUE_WORDS,
    WRITTEN_UP_VERBS, YOU_FORMS, YOU_NOW,
};
use crate::signals::greeting::capitalised;
use crate::text::break_between;
use crate::text::{normalise_phrase, Doc, Lexicon};
use std::sync::LazyLock;

/// The token ranges (`start..end`) of the companies the note places them at now, in
/// text order: the phrases about their job, then well-known employers in a clause about
/// them that no such phrase already covers.
pub fn claimed(doc: &Doc) -> Vec<(usize, usize)> {
    let mut claims = claimed_companies(doc);
    for (i, j) in known_companies(doc) {
        if !claims.iter().any(|&(a, b)| a < j && i < b) {
            claims.push((i, j));
        }
    }
    crate::sort::sort(&mut claims);
    claims
}

/// The capitalised name starting at token `i`, as a token range `i..j` (at most five
/// words, joiners allowed inside, never across a sentence break).
pub fn name_at(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    let capital = |k: usize| {
        let t = &doc.tokens[k];
        doc.text[t.start..t.end]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    if i >= doc.tokens.len() || !capital(i) {
        return None;
    }
    // A name runs on through spaces only: "Monzo, I work at" is two things.
    let joined = |k: usize| {
        !break_between(doc, k - 1, k)
            && !doc.text[doc.tokens[k - 1].end..doc.tokens[k].start]
                .contains([',', ';', ':', '(', ')', '|', '/'])
    };
    let mut j = i + 1;
    while j < doc.tokens.len() && j - i < 5 && joined(j) {
        if capital(j) && doc.tokens[j].norm != "i" {
            j += 1;
        } else if NAME_JOINERS.has(&doc.tokens[j])
            && j + 1 < doc.tokens.len()
            && !break_between(doc, j, j + 1)
            && capital(j + 1)
            // "Vodafone and I want to": the sender, not "Marks and Spencer".
            && doc.tokens[j + 1].norm != "i"
        {
            j += 2;
        } else {
            break;
        }
    }
    Some((i, j))
}

/// The words of a company name that tell it apart, normalised.
pub fn name_words(name: &str) -> Vec<String> {
    normalise_phrase(name)
        .split(' ')
        .map(|w| w.trim_end_matches("'s").to_string())
        .filter(|w| !w.is_empty() && !SUFFIXES.contains(&w.as_str()))
        .collect()
}

/// Whether the words before "at" (token `at`) say who they are there, back to a "you're"
/// in the same clause: "you're the Head of Engineering at", "you are a nurse at", "you
/// work at", "you now work at". Only a title between them counts: capitalised words,
/// titles and occupations, with articles and "of"; "you're speaking at" is an event.
fn you_are_there(doc: &Doc, at: usize) -> bool {
    let toks = &doc.tokens;
    let is_you = |k: usize| toks[k].norm == "you";
    // "you work at", "you now work at", "you currently work at".
    let before = |n: usize| at.checked_sub(n).map(|k| toks[k].norm.as_str());
    if matches!(before(1), Some("work" | "works"))
        && (before(2) == Some("you")
            || (matches!(before(2), Some("now" | "currently")) && before(3) == Some("you")))
    {
        return true;
    }
    let mut k = at;
    let mut titled = false;
    while k > 0 && at - k < 7 && !break_between(doc, k - 1, k) {
        k -= 1;
        let w = toks[k].norm.as_str();
        let you_are = matches!(w, "you're" | "youre") || (w == "are" && k > 0 && is_you(k - 1));
        if you_are {
            return titled;
        }
        // "your promotion to Principal at", "your new role as CFO at", "congrats on
        // becoming Head of Sales at", "on making partner at": a title given to them there.
        let given = match w {
            "to" => k > 0 && matches!(toks[k - 1].norm.as_str(), "promotion" | "promoted"),
            "as" => k > 0 && APPOINTED.has(&toks[k - 1]),
            "becoming" | "making" | "made" => true,
            _ => false,
        };
        if given {
            return titled && (k.saturating_sub(4)..k).any(|j| SAID_TO_THEM.has(&toks[j]));
        }
        let title = |w: &str| TITLES.contains(&w) || OCCUPATIONS.contains(&w);
        if title(w) || (capitalised(doc, k) && w != "i") {
            titled = true;
        } else if k + 1 < at && title(&toks[k + 1].norm) && !title(w) && !w.contains('\'') {
            // "you are site manager at", "you're an account manager at": a word that
            // says which kind of title.
            continue;
        } else if !IN_TITLES.contains(&w) {
            return false;
        }
    }
    false
}

/// Whether "you" and a verb of what they do now come a few words before "at" (token
/// `at`), in the same clause and with nobody else between: "how you build the
/// quick-commerce roadmap at", "you prepare the Centre Court grass at", "you're leading
/// the churn work at". Not "the talk
/// you gave at" (no such verb) nor "you lead a team and I work at" (the sender's place).
fn you_do_there(doc: &Doc, at: usize) -> bool {
    let toks = &doc.tokens;
    let from = at.saturating_sub(7);
    (from..at.saturating_sub(1)).any(|v| {
        v > 0
            && THEIR_DOING.has(&toks[v])
            // "you lead", "you're leading", "you are building".
            && (YOU_NOW.has(&toks[v - 1]) || (v >= 2 && toks[v - 1].norm == "are" && toks[v - 2].norm == "you"))
            && (v..at).all(|k| !break_between(doc, k, k + 1) && !FROM_ME.has(&toks[k + 1]))
    })
}

/// Well-known employers (`src/lang/world/companies.txt`).
static COMPANIES: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&crate::lang::world::COMPANIES));

/// A well-known employer named in a clause about them as where their work happens: "your
/// post on guardrail metrics for A/B tests at Deliveroo", "sorry to see you were laid off
/// from Infosys". Not in the sender's own clause ("I'm at Triodos"), a past ("when you
/// were at", "your years at"), a comparison ("like Uber"), or an event named after the
/// company ("at Google I/O"). A possessive is not read: "your post on Amazon's
/// leadership principles" is about Amazon, not where they work.
fn known_companies(doc: &Doc) -> Vec<(usize, usize)> {
    let toks = &doc.tokens;
    let norm = |k: usize| toks[k].norm.as_str();
    let mut out = Vec::new();
    for h in doc.find_iter(&COMPANIES) {
        let (i, j) = (h.first_token, h.end_token);
        if i == 0 || !capitalised(doc, i) {
            continue;
        }
        // "at Google I/O", "at Microsoft Ignite", "at AWS re:Invent": an event or a
        // product named after the company, not where they work.
        let named_on = toks.get(j).is_some_and(|n| {
            !break_between(doc, j - 1, j)
                && doc.text[toks[j - 1].end..n.start].trim().is_empty()
                && (capitalised(doc, j) || doc.text[n.start..].starts_with("re:"))
        });
        if named_on {
            continue;
        }
        let laid_off = i >= 3 && norm(i - 1) == "from" && matches!(norm(i - 2), "off" | "go");
        // "your reporting at the BBC": "at", or "at the".
        let at = if norm(i - 1) == "the" && i >= 2 {
            i - 2
        } else {
            i - 1
        };
        if !(norm(at) == "at" || laid_off) {
            continue;
        }
        // The company, and where the words before it are read from (past "the").
        let company = i;
        let i = if laid_off { i } else { at + 1 };
        // "a reference for a position at Hyundai", "a job at Infosys": an opening
        // there, not their employer.
        // "a project manager role at Arup" too: the nearest determiner is "a", not "your".
        if i >= 3
            && OPENINGS.has(&toks[i - 2])
            && (i.saturating_sub(6)..i - 2)
                .rev()
                .map(norm)
                .find(|w| DETERMINERS.contains(w))
                .is_some_and(|w| matches!(w, "a" | "an" | "the"))
        {
            continue;
        }
        // The clause before it: whose it is (the nearest person word), and no past
        // ("I was your manager at", "loved working with you at", "when you were at";
        // "you were laid off from" says where they were, and is checked), comparison
        // ("like Uber") or the sender's own place ("I'm at Triodos").
        let mut from = i;
        while from > 0 && i - from < 12 && !break_between(doc, from - 1, from) {
            from -= 1;
        }
        let person = (from..i)
            .rev()
            .find(|&k| TO_THEM.has(&toks[k]) || FROM_ME.has(&toks[k]));
        let theirs = person.is_some_and(|k| TO_THEM.has(&toks[k]));
        // "was" and "were" count between them and the company ("when you were at") or
        // right before them ("I was your manager at", "working with you at"), not in
        // "I was impressed by your work at Aramco".
        let past = |k: usize| match norm(k) {
            "were" | "was" => !laid_off,
            w => matches!(w, "with" | "worked" | "working"),
        };
        let elsewhere = person.is_some_and(|p| {
            (p + 1..i).any(past) || (p > from && past(p - 1)) || once_in_their_team(doc, p, from)
        }) || (from..i).map(norm).any(|w| NOT_THERE_NOW.contains(&w));
        if theirs && !elsewhere && !dated(doc, j) {
            out.push((company, j));
        }
    }
    out
}

/// Token `i` comes after their own work, written up, in the same clause: "your post
/// about building the hiring team [at]", "your article on launching [Monzo's]". What
/// they built there is theirs; a company named there is where they work.
fn written_up(doc: &Doc, i: usize) -> bool {
    let toks = &doc.tokens;
    let content = |c: usize| {
        CONTENT.has(&toks[c])
            || matches!(toks[c].norm.as_str(), "talk" | "presentation" | "keynote")
    };
    // "your post about", "your Medium post on", "your recent article about".
    (i.saturating_sub(11)..i.saturating_sub(3)).any(|k| {
        let Some(c) = (toks[k].norm == "your")
            .then(|| (k + 1..(k + 3).min(i)).find(|&c| content(c)))
            .flatten()
        else {
            return false;
        };
        // "your talk at SupportConf about running ...": the event it was given at.
        let a = match toks[c + 1].norm.as_str() {
            "at" => name_at(doc, c + 2).map_or(c + 1, |(_, j)| j),
            _ => c + 1,
        };
        (k + 1..c).all(|m| !FUNCTION_WORDS.has(&toks[m]))
            && a + 1 < i
            && matches!(toks[a].norm.as_str(), "about" | "on")
            && WRITTEN_UP_VERBS.has(&toks[a + 1])
            && (k + 1..=i.min(toks.len() - 1)).all(|m| !break_between(doc, m - 1, m))
    })
}

/// "your work on GaN epitaxy at" or "your research leading the drilling campaign at"
/// (token `at`): what their work is about or does, then where, in one clause with no
/// other "at" and nobody else between.
fn work_there(doc: &Doc, at: usize) -> bool {
    let toks = &doc.tokens;
    (at.saturating_sub(10)..at.saturating_sub(2)).any(|k| {
        toks[k].norm == "your"
            && matches!(toks[k + 1].norm.as_str(), "work" | "research")
            && (matches!(toks[k + 2].norm.as_str(), "on" | "in" | "with" | "around")
                || WRITTEN_UP_VERBS.has(&toks[k + 2]))
            && (k + 1..=at).all(|m| {
                !break_between(doc, m - 1, m)
                    && (m < k + 3
                        || !matches!(
                            toks[m].norm.as_str(),
                            "at" | "your" | "i" | "we" | "my" | "our"
                        )
                        || m == at)
            })
    })
}

/// "your" before the role word at token `role`, perhaps with a few describing words:
/// "your work [at]", "your new role", "your group's work", "your multi-asset work",
/// "your machine learning work". Not across a little word, a past or a contraction
/// ("your talk about the team at", "your old data team at", "you're the team at").
fn yours_described(doc: &Doc, role: usize) -> bool {
    let toks = &doc.tokens;
    for k in (role.saturating_sub(5)..role).rev() {
        if break_between(doc, k, k + 1) {
            return false;
        }
        if toks[k].norm == "your" {
            return true;
        }
        if FUNCTION_WORDS.has(&toks[k])
            || NOT_THERE_NOW.has(&toks[k])
            || (toks[k].norm.contains('\'') && !toks[k].norm.ends_with("'s"))
        {
            return false;
        }
    }
    false
}

/// Token `your` is "your" after "on" or "in", with "was" or "were" before it from token
/// `from`: "I was an SDR on your team at Oracle", the sender once in their team, a
/// shared past rather than where they work now.
fn once_in_their_team(doc: &Doc, your: usize, from: usize) -> bool {
    let norm = |k: usize| doc.tokens[k].norm.as_str();
    your >= 1
        && norm(your) == "your"
        && matches!(norm(your - 1), "on" | "in")
        && (from..your - 1).any(|k| matches!(norm(k), "was" | "were"))
}

/// A company ending at token `j` with a year after it: "your internship at Careem in
/// 2022", "at LSE back in 2018", a dated past.
fn dated(doc: &Doc, j: usize) -> bool {
    let t = &doc.tokens;
    let k = j + usize::from(t.get(j).is_some_and(|w| w.norm == "back"));
    t.get(k).is_some_and(|w| w.norm == "in")
        && t.get(k + 1)
            .is_some_and(|y| crate::text::is_year(&doc.text[y.start..y.end]))
}

/// Places in the note where it says they work now: `(start, end)` token ranges of the
/// company named there.
fn claimed_companies(doc: &Doc) -> Vec<(usize, usize)> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = t.norm.as_str();
        let at_name = || {
            (i + 1 < toks.len() && !break_between(doc, i, i + 1))
                .then(|| name_at(doc, i + 1))
                .flatten()
        };
        let found = if w == "at" && i > 0 && !break_between(doc, i - 1, i) {
            let before = toks[i - 1].norm.as_str();
            let before2 = i.checked_sub(2).map(|k| toks[k].norm.as_str());
            // "your work at", "your new role at", "you're at", "you are now at".
            // The sentence so far, for "the team at Netflix ... your role there".
            let (from, to) = doc.sentence_tokens_of(i);
            let sentence_is_theirs = toks[from..to].iter().any(|t| ABOUT_THEM.has(t));
            // "the new job at Square", "the new role at Revolut".
            let the_new =
                before2 == Some("new") && i.checked_sub(3).is_some_and(|k| toks[k].norm == "the");
            // "your old team at CATL", "your previous role at": a past, not now; so is
            // "I was an SDR on your team at Oracle", the sender once in their team.
            let former = matches!(before2, Some("old" | "former" | "previous" | "ex"))
                || (before2 == Some("your") && once_in_their_team(doc, i - 2, i.saturating_sub(8)));
            let theirs = (THEIR_ROLE.contains(&before)
                && !former
                && (yours_described(doc, i - 1)
                    // "congrats on the amazing work at Nakheel" (praise between: not "I
                    // got the graduate role at").
                    || ((before2 == Some("the")
                        || the_new
                        || (i.checked_sub(3).is_some_and(|k| toks[k].norm == "the")
                            && before2.is_some_and(|w| PRAISE_WORDS.contains(&w) || VAGUE_WORDS.contains(&w))))
                        && sentence_is_theirs)))
                // "what you're building at", "the things you've built at", "everything
                // you've achieved at".
                || (THEIR_MAKING.contains(&before)
                    && toks[i.saturating_sub(3)..i - 1].iter().any(|p| YOU_NOW.has(p)))
                // "you lead design at Nubank", "great to see you growing at Amazon".
                || (toks[i.saturating_sub(2)..i].iter().any(|p| THEIR_DOING.has(p))
                    && toks[i.saturating_sub(4)..i - 1].iter().any(|p| matches!(p.norm.as_str(), "you" | "you're" | "youre")))
                // "how you build the quick-commerce roadmap at Getir", "you lead the NICU
                // at Tulane": what they do, with its object, in the same clause.
                || you_do_there(doc, i)
                || matches!(before, "you're" | "youre")
                || you_are_there(doc, i)
                // "your post about building the hiring team at Starling".
                || written_up(doc, i)
                || work_there(doc, i)
                // "congratulations on leading customer success at Money Forward", "on the
                // new role leading research at GDS": what they are congratulated on doing
                // there.
                || (i.saturating_sub(8).max(from)..i.saturating_sub(1)).any(|k| {
                    WRITTEN_UP_VERBS.has(&toks[k])
                        && k >= 2
                        && ((matches!(toks[k - 1].norm.as_str(), "on" | "for")
                            && CONGRATS_THEM.has(&toks[k - 2]))
                            || (toks[k - 2].norm == "new" && APPOINTED.has(&toks[k - 1])))
                })
                // "hope all is well at Siemens", "hope you're doing great at Arup": how they
                // are, there (not "hope the launch went well at").
                || (matches!(before, "well" | "good" | "great")
                    && toks[i.saturating_sub(5)..i - 1]
                        .iter()
                        .any(|t| HOW_THEY_ARE.has(t))
                    && toks[from..i]
                        .iter()
                        .any(|t| matches!(t.norm.as_str(), "hope" | "hoping" | "trust")))
                || (before == "are" && before2 == Some("you"))
                // "how is everything at Ford Otosan?", "how's life at Klarna", "congrats on
                // everything at Hermès": how their life there goes.
                || (matches!(before, "everything" | "things" | "life")
                    && toks[i.saturating_sub(4)..i - 1].iter().any(|t| {
                        matches!(t.norm.as_str(), "how" | "how's" | "congrats" | "congratulations")
                    }))
                // "how's the ERP migration going at Alpwerk?": their work there, asked about.
                || (before == "going"
                    && toks[from..i].iter().any(|t| matches!(t.norm.as_str(), "how" | "how's")))
                // "as a store manager at Mango Madrid you must see": a job there, said to
                // be theirs (not "I work as a nurse at Guy's").
                || ((TITLES.contains(&before) || OCCUPATIONS.contains(&before))
                    && (i.saturating_sub(5)..i - 1).any(|k| {
                        toks[k].norm == "as"
                            && !toks[k.saturating_sub(3)..k].iter().any(|t| {
                                SENDER_AS.has(t)
                            })
                    })
                    && name_at(doc, i + 1).is_some_and(|(_, j)| {
                        toks.get(j).is_some_and(|t| {
                            YOU_FORMS.has(t)
                        })
                    }))
                || (before == "now"
                    && matches!(
                        before2,
                        Some("you're" | "youre" | "are" | "work" | "working")
                    ));
            // "congrats on 5 years at Microsoft", "your work anniversary at Acme".
            // "your years at Deliveroo" is a past; "5 years at" a milestone now.
            let counted = before != "years"
                || before2.is_some_and(|w| {
                    w.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w)
                });
            let milestone = counted
                && matches!(before, "years" | "anniversary" | "promotion")
                && toks[i.saturating_sub(6)..i]
                    .iter()
                    .any(|p| matches!(p.norm.as_str(), "congrats" | "congratulations" | "your"));
            // "as a fellow marketing leader at HubSpot", "we're both product managers at
            // Careem": the same employer now (not "we were both at", a shared past).
            let recent = &toks[from.max(i.saturating_sub(5))..i];
            // "fellow" before the role, not as the role: "a nephrology fellow at Emory"
            // is the sender's own post.
            // "Fellow nurse here (nights at Houston Methodist)": "here" ends the sender's
            // introduction, and the place after it is the sender's own.
            let fellow = recent[..recent.len().saturating_sub(1)]
                .iter()
                .rposition(|p| p.norm == "fellow")
                .is_some_and(|f| !recent[f..].iter().any(|p| p.norm == "here"));
            let both_now = recent.windows(2).any(|w| {
                matches!(w[0].norm.as_str(), "we're" | "are") && w[1].norm == "both"
                    || w[0].norm == "both" && matches!(w[1].norm.as_str(), "work" | "working")
            });
            if theirs || milestone || fellow || both_now {
                // "we're both speaking at Ops Summit": an event, not where they work.
                name_at(doc, i + 1).filter(|&(_, j)| !EVENT_KINDS.has(&toks[j - 1]))
            } else {
                None
            }
        } else if w == "your"
            && name_at(doc, i + 1).is_some_and(|(_, j)| {
                j < toks.len()
                    && matches!(toks[j].norm.as_str(), "booth" | "stand" | "stall")
                    // "your Magical Kenya Expo stand": a stand at an event, named by it.
                    && !EVENT_KINDS.has(&toks[j - 1])
                    // "your MIHAS booth": an acronym no well-known employer has names the
                    // show more often than the company ("your IBM booth" is IBM's).
                    && !(j == i + 2
                        && doc.text[toks[i + 1].start..toks[i + 1].end]
                            .chars()
                            .all(|c| c.is_ascii_uppercase())
                        && doc.phrase_at(&COMPANIES, i + 1).is_none())
            })
        {
            // "we met at your Grab booth": their company's stand at an event.
            name_at(doc, i + 1)
        } else if w == "team" && i >= 2 && capitalised(doc, i - 1) && !break_between(doc, i - 1, i)
        {
            // "congrats to the whole Cemex team": their team, named, in congratulations.
            let mut k = i - 1;
            while k > 0 && capitalised(doc, k - 1) && i - k < 4 && !break_between(doc, k - 1, k) {
                k -= 1;
            }
            let (from, _) = doc.sentence_tokens_of(i);
            let lead = k > 0 && matches!(toks[k - 1].norm.as_str(), "whole" | "entire" | "your");
            let congrats = toks[from..k]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "congrats" | "congratulations" | "kudos"));
            (lead && congrats).then_some((k, i))
        } else if w == "how"
            && i > 0
            && matches!(
                toks[i - 1].norm.as_str(),
                "hear" | "learn" | "ask" | "about"
            )
            && (i.saturating_sub(3)..i)
                .any(|k| matches!(toks[k].norm.as_str(), "hear" | "learn" | "ask"))
        {
            // "I'd love to hear how Databricks structures its sales team", "to hear more
            // about how Netflix rolled it out": a company they are asked to speak for, as
            // its insider (a name and then its verb; not "learn how I built").
            name_at(doc, i + 1).filter(|&(a, j)| {
                toks[a].norm != "i" && j < toks.len() && !break_between(doc, j - 1, j)
            })
        } else if w == "from"
            && i >= 2
            && matches!(toks[i - 1].norm.as_str(), "someone" | "somebody" | "else")
            && (i.saturating_sub(4)..i - 1)
                .any(|k| matches!(toks[k].norm.as_str(), "see" | "seeing" | "meet" | "meeting"))
        {
            // "great to see someone from Microsoft helping", "nice to meet someone else
            // from the Amazon team": the one they see or meet is the recipient.
            let k = i + 1 + usize::from(toks.get(i + 1).is_some_and(|t| t.norm == "the"));
            name_at(doc, k)
        } else if w == "as" {
            // "As Mango's buyer you must be busy", "your appointment as CARE's country
            // director": a role at a company, said to be theirs.
            name_at(doc, i + 1).filter(|&(_, j)| {
                toks[j - 1].norm.ends_with("'s")
                    && toks[j..(j + 2).min(toks.len())]
                        .iter()
                        .any(|t| TITLES.has(t) || OCCUPATIONS.has(t))
            })
        } else if WRITTEN_UP_VERBS.has(t) && written_up(doc, i + 1) {
            // "your post about launching Monzo's savings pots": theirs, made there.
            name_at(doc, i + 1).filter(|&(_, j)| toks[j - 1].norm.ends_with("'s"))
        } else if w == "on"
            && (i.saturating_sub(3)..i)
                .any(|k| matches!(toks[k].norm.as_str(), "congrats" | "congratulations"))
        {
            // "congratulations on Brightside's Series C", "on Oasis Resorts' record
            // season": their company's news (the name up to its "'s" or "s'"), not a list
            // or an award of someone else's.
            name_at(doc, i + 1).and_then(|(a, j)| {
                (a..j)
                    .find(|&k| {
                        toks[k].norm.ends_with("'s")
                            || (toks[k].norm.ends_with('s')
                                && doc.text[toks[k].end..].starts_with(['\'', '\u{2019}']))
                    })
                    .map(|k| (a, k + 1))
                    .filter(|&(_, e)| toks.get(e).is_some_and(|t| COMPANY_NEWS.has(t)))
            })
        } else if w == "fellow" {
            // "as a fellow Emirates NBD colleague": the same employer now. So is "a fellow
            // Bank of Scotland manager" or "a fellow Renault Group plant manager": a job
            // there, with a name of two words or more or a well-known employer ("a fellow
            // Nigerian nurse" names no employer, nor "a fellow Grade 6 teacher" one).
            name_at(doc, i + 1).filter(|&(a, j)| {
                let counted = toks[a..j]
                    .iter()
                    .any(|t| t.norm.starts_with(|c: char| c.is_ascii_digit()));
                let job = |k: usize| {
                    toks.get(k)
                        .is_some_and(|t| TITLES.has(t) || OCCUPATIONS.has(t) || t.norm == "person")
                };
                j < toks.len()
                    && !counted
                    && (COLLEAGUES.has(&toks[j])
                        || ((job(j) || job(j + 1))
                            && (j - a >= 2 || doc.phrase_at(&COMPANIES, a).is_some())))
            })
        } else if MOVED.has(&toks[i])
            || (i > 1
                && matches!(
                    (w, toks[i - 1].norm.as_str(), toks[i - 2].norm.as_str()),
                    ("to", "move" | "switch" | "jump", _)
                        | (
                            "for",
                            "work" | "working",
                            "you" | "you're" | "youre" | "now"
                        )
                        | ("with", "you're" | "youre" | "now", _)
                ))
        {
            // "congrats on joining Datadog", "your move to Revolut", "saw you've joined
            // DairyNZ", "you work for Bosch", "you're now with DHL": about them only with
            // congratulations, "you" or "your" nearby in the sentence.
            // A cue serves the nearest claim after it only: in "congrats on joining Acme
            // on joining X" the second claim has no cue of its own (so fixing the first
            // never brings the cue within reach of the second).
            let (from, _) = doc.sentence_tokens_of(i);
            let mut start = from.max(i.saturating_sub(5));
            if let Some(k) = (start..i).rev().find(|&k| MOVED.has(&toks[k])) {
                start = k + 1;
            }
            let about_them = toks[start..i].iter().any(|p| CONGRATS_THEM.has(p));
            if about_them {
                at_name()
            } else {
                None
            }
        } else {
            None
        };
        if let Some(r) = found {
            if !dated(doc, r.1) {
                out.push(r);
            }
        }
    }
    out
}
