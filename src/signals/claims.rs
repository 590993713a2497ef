//! What the note says the recipient is, checked against their profile: a title ("as CEO
//! of Rolls-Royce", "congrats on becoming VP of Sales"), an occupation ("as a fellow
//! software engineer", "as a pilot you must ...") or a school ("fellow Stanford alum").
//! A claim contradicts the profile when the headline is known and names none of it.
//! Schools count only when the headline names a school: people study and work in
//! different places.

use crate::lang::en::{
    ALUMNI, FUNCTION_WORDS, HEAD_TITLES, NAME_PARTICLES, OCCUPATIONS, SAID_TO_THEM, SCHOOL_WORDS,
    SELF_CLAUSE, THEM_CLAIMS, TITLES, TITLE_CUES, YOU_FORMS,
};
use crate::lang::names::fold;
use crate::signals::field::Clash;
use crate::text::{floor_char_boundary, Doc, Span};
use crate::Recipient;

/// What kind of fact the note gets wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    Title,
    Occupation,
    School,
    /// Work from a field far from theirs: "your talk on Kubernetes" to a pastry chef.
    Field,
    /// Two words of a far field in a note about them, neither said to be their work
    /// ("loved your Kubernetes and Terraform demo" to a pastry chef): a warning, not
    /// an error, since people do write about topics outside their headline.
    Topic,
}

/// The words of the profile (headline and company), folded.
fn profile_words(r: &Recipient) -> Vec<String> {
    [r.headline.as_deref(), r.company.as_deref()]
        .into_iter()
        .flatten()
        .flat_map(|s| {
            s.split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .map(fold)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// True when `word` (folded) or a close form of it is among the profile's words:
/// "nurse" in "Nursing", "designer" in "Design Lead", "vp" in "Vice President".
fn in_profile(word: &str, profile: &[String]) -> bool {
    let stem_len = word.len().saturating_sub(2).max(4).min(word.len());
    let stem = &word[..floor_char_boundary(word, stem_len)];
    profile.iter().any(|p| {
        p == word
            || p.starts_with(stem)
            || (p.len() >= 4 && word.starts_with(p.as_str()))
            || (word == "vp" && (p == "vice" || p == "svp" || p == "evp"))
            || (word == "co-founder" && p.contains("founder"))
            || (word == "cofounder" && p.contains("founder"))
            // "founder" is a "Co-founder & CTO", "teacher" an "Ex-teacher".
            || (p.ends_with(word) && p[..p.len() - word.len()].ends_with('-'))
            || (word == "founder" && p.ends_with("founder"))
            // A "Talent Partner" or "Talent Acquisition Lead" recruits.
            || (word == "recruiter" && matches!(p.as_str(), "talent" | "recruiting" | "sourcer"))
    })
}

/// True when `acronym` ("HBS", "UCL") spells the initials of consecutive profile words
/// ("Harvard Business School", "University College London").
fn initials_of(acronym: &str, profile: &[String]) -> bool {
    let letters: String = acronym.chars().flat_map(char::to_lowercase).collect();
    let n = letters.chars().count();
    (2..=5).contains(&n)
        && acronym.chars().all(char::is_uppercase)
        && profile.windows(n).any(|w| {
            w.iter()
                .map(|p| p.chars().next().unwrap_or(' '))
                .eq(letters.chars())
        })
}

/// An occupation, listed or by its ending: "fellow cardiologist", "fellow paediatrician",
/// "fellow physiotherapist", "fellow cartographer".
pub fn is_occupation(w: &str) -> bool {
    OCCUPATIONS.contains(&w)
        || ["ologist", "iatrist", "ician", "ographer", "therapist"]
            .iter()
            .any(|end| w.len() > end.len() + 2 && w.ends_with(end))
}

/// Claims the note makes about the recipient that their profile contradicts.
pub fn contradicted(doc: &Doc, recipient: &Recipient) -> Vec<(Span, Claim)> {
    let Some(headline) = recipient.headline.as_deref() else {
        return Vec::new();
    };
    if headline.trim().is_empty() {
        return Vec::new();
    }
    // Read only when the note makes a claim (most notes make none).
    let profile_cell = std::cell::OnceCell::new();
    let profile = || -> &[String] { profile_cell.get_or_init(|| profile_words(recipient)) };
    let names_school = || profile().iter().any(|w| SCHOOL_WORDS.contains(&w.as_str()));
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    let raw = |i: usize| &doc.text[toks[i].start..toks[i].end];
    let capital = |i: usize| raw(i).chars().next().is_some_and(char::is_uppercase);
    let span = |i: usize, j: usize| Span {
        start: toks[i].start,
        end: toks[j].end,
    };
    let is_grad = |k: usize| ALUMNI.has(&toks[k]);
    // "IIM Bangalore" is not "IIM Ahmedabad": a short acronym or a word like
    // "University" is shared by many schools, so the name's other words decide when it
    // has some (and the acronym in the headline names a school).
    let generic = |k: usize| {
        let r = raw(k);
        (r.len() <= 4 && r.chars().all(|c| c.is_uppercase())) || SCHOOL_WORDS.has(&toks[k])
    };
    // The school named by the capitalised words `named` is not the one in the profile.
    let wrong_school = |named: &[usize]| {
        let family = named
            .iter()
            .any(|&k| generic(k) && in_profile(&fold(raw(k)), profile()));
        if !(names_school() || family) || named.is_empty() {
            return false;
        }
        let distinctive: Vec<usize> = named.iter().copied().filter(|&k| !generic(k)).collect();
        let decisive = if distinctive.is_empty() {
            named
        } else {
            &distinctive
        };
        !decisive
            .iter()
            .any(|&k| in_profile(&fold(raw(k)), profile()) || initials_of(raw(k), profile()))
    };
    // The capitalised words of a school's name from token `i` to the sentence's `end`,
    // past "de", "of", ... ("Universidad de Barcelona" is [Universidad, Barcelona]).
    let school_name = |i: usize, end: usize| {
        let mut named = Vec::new();
        let mut k = i;
        while k < end && named.len() < 5 {
            if capital(k) {
                named.push(k);
            } else if !(NAME_PARTICLES.has(&toks[k])
                && k + 1 < end
                && capital(k + 1)
                && !named.is_empty())
            {
                break;
            }
            k += 1;
        }
        named
    };
    // "your work as an environmental engineer": an occupation theirs by "your", at `i`.
    let your_role_as = |i: usize| {
        norm(i) == "your"
            && i + 2 < toks.len()
            && matches!(norm(i + 1), "work" | "role" | "job" | "career" | "time")
            && norm(i + 2) == "as"
    };
    let mut out = Vec::new();
    for range in doc.sentence_tokens() {
        let (first, end) = (range.start, range.end);
        let about_them = (first..end).any(|i| SAID_TO_THEM.has(&toks[i]));
        // The last word in this sentence so far that speaks of the sender.
        let mut sender_at: Option<usize> = None;
        for i in first..end {
            // The sender's own title or job is theirs to state (up to six words on).
            let own = sender_at.is_some_and(|k| i - k <= 6);
            if SELF_CLAUSE.has(&toks[i]) {
                sender_at = Some(i);
            } else if matches!(norm(i), "you're" | "you" | "you've") || your_role_as(i) {
                // "I see you're the CEO of": the clause turns to them.
                sender_at = None;
            }
            if own {
                continue;
            }
            let w = norm(i);
            // "fellow software engineer", "fellow Stanford alum", "fellow registered dietitian".
            if w == "fellow" {
                let after: Vec<usize> = (i + 1..(i + 4).min(end)).collect();
                if let Some(&k) = after.iter().find(|&&k| is_occupation(norm(k))) {
                    // "fellow ex-chef here": a past they share, which their current role
                    // cannot contradict.
                    let past = (i + 1..k).any(|m| matches!(norm(m), "ex" | "former" | "retired"));
                    if !past && !in_profile(&fold(raw(k)), profile()) {
                        out.push((span(i, k), Claim::Occupation));
                        break;
                    }
                    continue;
                }
                let named: Vec<usize> = after.iter().copied().take_while(|&k| capital(k)).collect();
                let school_claim = after.iter().any(|&k| is_grad(k))
                    || after.get(named.len()).is_some_and(|&k| norm(k) == "here");
                if school_claim && wrong_school(&named) {
                    out.push((span(i, *named.last().unwrap_or(&i)), Claim::School));
                    break;
                }
                continue;
            }
            // "as a pilot you must have stories", "as an architect, you'll know", "as head
            // chef at The Gilded Pheasant you've built", "as a seasoned Frontend Developer
            // at Wendel, your React experience": an occupation said to be theirs, within
            // four words of "as", and the place it is held.
            if w == "as" {
                if let Some(k) = (i + 1..(i + 5).min(end)).find(|&k| is_occupation(norm(k))) {
                    let held = k + 1 < end && matches!(norm(k + 1), "at" | "of" | "for");
                    let next = held
                        .then(|| crate::signals::employer::name_at(doc, k + 2))
                        .flatten()
                        .map_or(k + 1, |(_, j)| j);
                    // "As the recruiter for the backend role, you made it easy": the
                    // clause the role is said in ends, and the next one is about them.
                    let you = |m: usize| {
                        YOU_FORMS.has(&toks[m]) || matches!(norm(m), "your" | "yourself")
                    };
                    let to_them = next < end
                        && (you(next)
                            || (next..end.min(k + 8))
                                .find(|&m| doc.text[toks[m - 1].end..toks[m].start].contains(','))
                                .is_some_and(you));
                    let yours = i >= first + 2 && your_role_as(i - 2);
                    if (to_them || yours) && !in_profile(&fold(raw(k)), profile()) {
                        out.push((span(i, k), Claim::Occupation));
                        break;
                    }
                }
            }
            // "we graduated from Universidad de Barcelona together", "you studied at
            // Leeds": a school they are said to have been at.
            if matches!(w, "graduated" | "studied")
                && i + 2 < end
                && matches!(norm(i + 1), "from" | "at")
                && (first..i).any(|k| THEM_CLAIMS.has(&toks[k]))
            {
                let named = school_name(i + 2, end);
                if wrong_school(&named) {
                    out.push((span(i, *named.last().unwrap_or(&i)), Claim::School));
                    break;
                }
            }
            // "as a recent ETH Zurich graduate".
            if is_grad(i) && i >= 2 {
                let mut k = i;
                while k > first && capital(k - 1) && i - k < 4 {
                    k -= 1;
                }
                let lead = (k.saturating_sub(3).max(first)..k).any(|j| norm(j) == "as");
                if k < i && lead && wrong_school(&(k..i).collect::<Vec<_>>()) {
                    out.push((span(k, i), Claim::School));
                    break;
                }
            }
            // "as CEO of", "your new role as CFO", "becoming VP of Sales".
            if about_them && TITLES.has(&toks[i]) {
                let cue = (i.saturating_sub(3).max(first)..i).any(|k| TITLE_CUES.has(&toks[k]));
                let of_at = i + 1 < end && matches!(norm(i + 1), "of" | "at");
                // "Head Chef", "Lead Engineer": a title with its capitalised field.
                let titled = capital(i) && i + 1 < end && capital(i + 1);
                // "as the engineering lead on it": a head or lead named by its field.
                let fielded = i > first + 1
                    && !FUNCTION_WORDS.has(&toks[i - 1])
                    && matches!(norm(i - 2), "the" | "an" | "a");
                let head_ok = !HEAD_TITLES.contains(&w) || of_at || titled || fielded;
                // "as head of pricing" to a Head of Legal: the title theirs, what it heads not.
                let field = (of_at && i + 2 < end && norm(i + 1) == "of")
                    .then(|| i + 2 + usize::from(norm(i + 2) == "the"))
                    .filter(|&k| {
                        k < end
                            && !FUNCTION_WORDS.has(&toks[k])
                            && !in_profile(&fold(raw(k)), profile())
                    });
                // "your new manager from the 1st": someone of theirs (here the sender),
                // not a title they hold.
                let someone_of_theirs = i > first
                    && (norm(i - 1) == "your"
                        || (i > first + 1
                            && norm(i - 2) == "your"
                            && matches!(norm(i - 1), "new" | "incoming" | "future")));
                if cue
                    && head_ok
                    && !someone_of_theirs
                    // "the CEO job" to a "Chief Executive Officer" is theirs.
                    && (!(in_profile(w, profile()) || initials_of(raw(i), profile()))
                        || field.is_some())
                {
                    out.push((span(i, field.unwrap_or(i)), Claim::Title));
                    break;
                }
            }
        }
    }
    // Work from another field, where no title, job or school already says so.
    if out.is_empty() {
        match crate::signals::field::clash(doc, recipient) {
            Some(Clash::Stated(span)) => out.push((span, Claim::Field)),
            Some(Clash::Topic(span)) => out.push((span, Claim::Topic)),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrong(text: &str, headline: &str, company: &str) -> bool {
        let r = Recipient {
            name: Some("Sam Lee".into()),
            headline: Some(headline.into()),
            company: Some(company.into()),
        };
        !contradicted(&Doc::new(text), &r).is_empty()
    }

    #[test]
    fn contradictions_with_the_headline() {
        // Their "Ex-teacher" is a teacher; the sender's own new title is theirs to state.
        assert!(!wrong(
            "Hi Chloe, fellow ex-chef here! Your post about knife skills made me laugh.",
            "Junior Developer at Deliveroo | Career changer from hospitality",
            "Deliveroo"
        ));
        assert!(wrong(
            "Hi Chloe, fellow chef here! Your post about knife skills made me laugh.",
            "Junior Developer at Deliveroo | Career changer from hospitality",
            "Deliveroo"
        ));
        assert!(!wrong(
            "Hi Hannah, fellow ex-teacher turned LXD here.",
            "Learning Experience Designer | Microlearning | Ex-teacher",
            "Acme"
        ));
        assert!(!wrong(
            "Hi Dev, you recruited me as a band 5 nurse in 2020 and I've just been made ward manager.",
            "Recruiter | Healthcare | NHS",
            "North Thames Healthcare NHS Trust"
        ));
        assert!(wrong(
            "Karim, congratulations on your promotion to Head Chef at Le Bristol!",
            "Sous-chef at Le Bristol Paris",
            "Le Bristol"
        ));
        // A title in initials is the headline's title spelt out.
        assert!(!wrong(
            "Hi Joanne, just saw you've taken the CEO job at Marston Rail, great news!",
            "Chief Executive Officer, Marston Rail",
            "Marston Rail"
        ));
        assert!(!wrong(
            "Hi Marcus, I saw you're now CISO at Vail Health after your years at Lockheed.",
            "Chief Information Security Officer | ex-Lockheed Martin",
            "Vail Health"
        ));
        assert!(wrong(
            "Hej Sven, I saw you've taken on the CFO role at Ljusfors, congratulations!",
            "Head of Data at Ljusfors Energy",
            "Ljusfors Energy"
        ));
        assert!(!wrong(
            "Karim, congratulations on your promotion to Head Chef at Le Bristol!",
            "Head Chef at Le Bristol Paris",
            "Le Bristol"
        ));
        assert!(!wrong(
            "Yusuf, fellow W23 founder here. Your demo day pitch stuck with me.",
            "Co-founder & CTO at Tarla (YC W23)",
            "Tarla"
        ));
        assert!(wrong(
            "Thanks for the screening call! As the recruiter for the backend role, you made it easy.",
            "Chief Technology Officer | mPharma",
            "mPharma"
        ));
        assert!(!wrong(
            "As a recruiter for ten years, I know how busy you are.",
            "Chief Technology Officer | mPharma",
            "mPharma"
        ));
        assert!(wrong(
            "Hi Vera, as CEO of Sunrise you've clearly built something special.",
            "Volunteer Coordinator at Sunrise Senior Living Center",
            "Sunrise Senior Living Center"
        ));
        assert!(wrong(
            "Hi Peter, as CEO of Rolls-Royce you must be busy.",
            "Aerospace Apprentice at Rolls-Royce",
            "Rolls-Royce"
        ));
        assert!(wrong(
            "Congrats on becoming VP of Sales at Oracle!",
            "Account Executive at Oracle",
            "Oracle"
        ));
        // The title is theirs, what it heads is not.
        assert!(wrong(
            "Your post on the new pricing tiers was clear. As head of pricing you know this space.",
            "Head of Legal at Grammarly",
            "Grammarly"
        ));
        assert!(!wrong(
            "Your post on the new pricing tiers was clear. As head of pricing you know this space.",
            "Head of Pricing & Monetisation at Grammarly",
            "Grammarly"
        ));
        assert!(!wrong(
            "Congrats on your new role as head of the legal team at Grammarly!",
            "Head of Legal at Grammarly",
            "Grammarly"
        ));
        assert!(wrong(
            "Your post on the rollout was great. As the engineering lead on it, how did you plan?",
            "Data Protection Officer at SAP",
            "SAP"
        ));
        assert!(!wrong(
            "Your post on the rollout was great. As the engineering lead on it, how did you plan?",
            "Engineering Lead, S/4HANA at SAP",
            "SAP"
        ));
        assert!(!wrong(
            "Congrats on your new role as head of a growing team!",
            "Head of Legal at Grammarly",
            "Grammarly"
        ));
        assert!(wrong(
            "Sinéad, congrats on making partner at A&L Goodbody!",
            "Sous Chef, Chapter One Dublin",
            "Chapter One"
        ));
        assert!(!wrong(
            "Congrats on making partner, Aoife! Well deserved.",
            "Partner at A&L Goodbody",
            "A&L Goodbody"
        ));
        assert!(wrong(
            "As a fellow software engineer I loved your talk.",
            "Pastry Chef at Dominique Ansel Bakery",
            "Dominique Ansel Bakery"
        ));
        assert!(wrong(
            "Fellow Stanford alum here! Go Cardinal.",
            "Scientist II at Genentech | Berkeley PhD",
            "Genentech"
        ));
        assert!(wrong(
            "As a fellow cardiologist at Mass General I'd love to connect.",
            "Pediatric Nurse Practitioner at Boston Children's Hospital",
            "Boston Children's Hospital"
        ));
        assert!(wrong(
            "Laura! Ten years since we graduated from Universidad de Barcelona together.",
            "Marketing Manager at Iberdrola | Universidad Complutense de Madrid",
            "Iberdrola"
        ));
        assert!(wrong(
            "Hi Tobias, as a recent ETH Zurich graduate you'd be perfect for our programme.",
            "MSc student, Computer Science, TU München",
            "TU München"
        ));
        assert!(!wrong(
            "Ten years since we graduated from Universidad Complutense together!",
            "Marketing Manager at Iberdrola | Universidad Complutense de Madrid",
            "Iberdrola"
        ));
        // The school's name ends with its sentence: "IBM" does not make the headline
        // name a school.
        assert!(!wrong(
            "You studied at Leeds. IBM was lucky to get you.",
            "Engineer at IBM",
            "IBM"
        ));
        assert!(!wrong(
            "I graduated from Universidad de Barcelona and work in energy too.",
            "Marketing Manager at Iberdrola | Universidad Complutense de Madrid",
            "Iberdrola"
        ));
        assert!(wrong(
            "Ananya, fellow IIM Bangalore alum here!",
            "Consultant at McKinsey | IIM Ahmedabad",
            "McKinsey & Company"
        ));
        // The sender's "I see" does not make "you're the CEO" the sender's own title.
        assert!(wrong(
            "Hi Amara, I see you're the CEO of Zenith Bank. I'd like to discuss investment.",
            "Relationship Officer at Zenith Bank",
            "Zenith Bank"
        ));
        assert!(wrong(
            "As a fellow coach I'd love to connect and swap ideas.",
            "Athletic Director at Morehouse College",
            "Morehouse College"
        ));
        assert!(wrong(
            "Hi Ethan, fellow Michigan Wolverine here!",
            "Financial Analyst at Ford | Ohio State University alum",
            "Ford Motor Company"
        ));
    }

    #[test]
    fn claims_the_profile_bears_out_or_the_sender_makes_of_themselves() {
        assert!(!wrong(
            "As a fellow nurse, I'd love to connect.",
            "ICU Nurse Manager",
            "Kaiser"
        ));
        assert!(wrong(
            "We're in the same group. As a surgeon yourself, do you have a protocol?",
            "Veterinary Nurse | Exotics",
            "Ashgrove Vets"
        ));
        assert!(wrong(
            "I came across your work as an environmental engineer and was impressed.",
            "Environmental Lawyer at Strand & Ek",
            "Strand & Ek"
        ));
        assert!(!wrong(
            "I came across your work as an environmental lawyer and was impressed.",
            "Environmental Lawyer at Strand & Ek",
            "Strand & Ek"
        ));
        assert!(!wrong(
            "Hi Réka, fellow tech recruiter in Vienna. Your post was useful.",
            "Talent Partner at Danube Analytics",
            "Danube Analytics"
        ));
        assert!(wrong(
            "Hi Réka, fellow tech recruiter in Vienna. Your post was useful.",
            "Data Engineer at Danube Analytics",
            "Danube Analytics"
        ));
        assert!(!wrong(
            "As a fellow coach I'd love to swap drills.",
            "Head Coach, Women's Basketball at Spelman College",
            "Spelman College"
        ));
        assert!(!wrong(
            "Fellow designer here, loved your case study.",
            "Lead Product Designer at Itaú",
            "Itaú"
        ));
        assert!(!wrong(
            "Congrats on becoming VP of Engineering!",
            "Vice President, Engineering at Stripe",
            "Stripe"
        ));
        assert!(!wrong(
            "Hi Amara, I'm your new CFO at the Lagos branch.",
            "Relationship Officer at Zenith Bank",
            "Zenith Bank"
        ));
        assert!(!wrong(
            "I'm the CEO of a small bakery in Leeds.",
            "Pastry Chef",
            "Ottolenghi"
        ));
        assert!(!wrong(
            "Fellow Stanford GSB alum here, loved your talk.",
            "Partner at Sequoia | Stanford MBA",
            "Sequoia Capital"
        ));
        assert!(!wrong(
            "Hello from a fellow paediatrician in Leeds!",
            "Consultant Paediatrician at Leeds Children's Hospital",
            "NHS"
        ));
        assert!(!wrong(
            "Fellow MIT alum here!",
            "Research Scientist | MIT PhD",
            "DeepMind"
        ));
        assert!(!wrong(
            "Fellow HBS alum here, loved your pricing post.",
            "MBA Student at Harvard Business School",
            "Harvard Business School"
        ));
        assert!(!wrong(
            "Fellow McGill alum here!",
            "Engineer at Shopify",
            "Shopify"
        ));
        assert!(!wrong(
            "As a fellow runner, the Berlin marathon post was gold.",
            "Pastry Chef",
            "Ottolenghi"
        ));
    }
}
