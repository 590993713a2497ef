//! The playground page (`www/index.html`), driven from Rust with web-sys and gloo:
//! the note box, recipient fields and the 200/300 switch feed the engine; the score,
//! breakdown, counter and findings are drawn as text (never as HTML).
//!
//! The page's static structure lives in the HTML; this file finds its parts by id.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

use crate::{analyze, Context, Recipient, Report, Severity};

/// Notes to learn from, worst first: (label, recipient name, headline, company, text).
const EXAMPLES: &[(&str, &str, &str, &str, &str)] = &[
    ("LinkedIn's default", "Sarah Chen", "Staff Engineer at Acme", "Acme",
     "I'd like to add you to my professional network on LinkedIn."),
    ("Copy-paste slip", "John Okafor", "Head of Data at Globex", "Globex",
     "Hi Sarah, I came across your profile and would love to connect. {company} is doing great things!"),
    ("Hard sell", "Priya Patel", "VP Engineering at Initech", "Initech",
     "Hi Priya, we help companies like yours cut cloud costs by 40%. Can we book a quick 15-minute demo this week? https://calendly.com/x"),
    ("Entitled ask", "Marco Rossi", "Recruiter at Umbrella", "Umbrella",
     "Hi Marco, I am writing to ask if you could refer me for a job at Umbrella and introduce me to your network ASAP."),
    ("Getting there", "Sarah Chen", "Staff Engineer at Acme", "Acme",
     "Hi Sarah, I saw your talk at RustConf. I'd like to connect."),
    ("Good", "Sarah Chen", "Staff Engineer at Acme", "Acme",
     "Hi Sarah, I saw your RustConf talk on incremental wasm builds. I'm building a Rust linter and would value your view on caching; happy to share our benchmarks in return. What got you into compiler tooling?"),
];

struct Page {
    doc: Document,
    note: HtmlTextAreaElement,
    name: HtmlInputElement,
    headline: HtmlInputElement,
    company: HtmlInputElement,
    premium: HtmlInputElement,
    score: HtmlElement,
    counter: HtmlElement,
    capped: HtmlElement,
    categories: Element,
    findings: Element,
    /// A pending render, so a burst of input (a huge paste) renders once.
    pending: RefCell<Option<Timeout>>,
    report: RefCell<Option<Report>>,
}

fn by_id<T: JsCast>(doc: &Document, id: &str) -> Result<T, JsValue> {
    doc.get_element_by_id(id)
        .ok_or_else(|| JsValue::from_str(&format!("playground: #{id} is missing")))?
        .dyn_into::<T>()
        .map_err(|_| JsValue::from_str(&format!("playground: #{id} has the wrong type")))
}

fn value(input: &HtmlInputElement) -> Option<String> {
    let v = input.value();
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

impl Page {
    fn context(&self) -> Context {
        Context {
            recipient: Recipient {
                name: value(&self.name),
                headline: value(&self.headline),
                company: value(&self.company),
            },
            limit: if self.premium.checked() { 300 } else { 200 },
            ..Context::default()
        }
    }

    /// Appends a new `<tag class>text</tag>` to `parent` and returns it.
    fn add(
        &self,
        parent: &Element,
        tag: &str,
        class: &str,
        text: &str,
    ) -> Result<Element, JsValue> {
        let e = self.el(tag, class, text)?;
        parent.append_child(&e)?;
        Ok(e)
    }

    fn el(&self, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let e = self.doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Ok(e)
    }

    /// Analyses the note and redraws everything.
    fn render(self: &Rc<Self>) -> Result<(), JsValue> {
        let text = self.note.value();
        let report = analyze(&text, &self.context());
        let shown = report.score.map_or("–".to_string(), |s| s.to_string());
        self.score.set_text_content(Some(&shown));
        self.score.set_attribute("data-score", &shown)?;
        let band = match report.score {
            None => "none",
            Some(0..=39) => "low",
            Some(40..=69) => "mid",
            Some(_) => "high",
        };
        self.score.set_attribute("data-band", band)?;
        self.counter
            .set_text_content(Some(&format!("{} / {}", report.length, report.limit)));
        let capped = if report.supported {
            report
                .capped_by
                .as_ref()
                .map(|rule| format!("Held down by {rule}: fix it first."))
        } else {
            Some(format!(
                "{} is not checked yet: Rapport scores English notes for now. Still checked: the limit, template fields, links, contact details and the name.",
                rapport_language_name(&report.language)
            ))
        };
        self.capped.set_text_content(capped.as_deref());
        self.counter
            .class_list()
            .toggle_with_force("over", report.length > report.limit)?;

        self.categories.set_text_content(None);
        for c in &report.categories {
            let row = self.el("li", "category", "")?;
            self.add(&row, "span", "label", &c.label)?;
            let bar = self.el("span", "bar", "")?;
            let fill: HtmlElement = self.el("span", "fill", "")?.dyn_into()?;
            let pct = u32::from(c.score) * 100 / u32::from(c.max.max(1));
            fill.style().set_property("width", &format!("{pct}%"))?;
            bar.append_child(&fill)?;
            row.append_child(&bar)?;
            self.add(&row, "span", "points", &format!("{}/{}", c.score, c.max))?;
            self.categories.append_child(&row)?;
        }

        self.findings.set_text_content(None);
        if report.findings.is_empty() && !text.trim().is_empty() {
            self.add(&self.findings, "li", "empty", "Nothing to fix. Send it.")?;
        }
        let units: Vec<u16> = text.encode_utf16().collect();
        for (i, f) in report.findings.iter().enumerate() {
            let severity = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Suggestion => "suggestion",
            };
            let item = self.el("li", &format!("finding {severity}"), "")?;
            item.set_attribute("data-rule", &f.rule)?;
            let head = self.el("div", "head", "")?;
            self.add(&head, "span", "severity", severity)?;
            self.add(&head, "code", "rule", &f.rule)?;
            if f.points > 0 {
                self.add(&head, "span", "worth", &format!("+{}", f.points))?;
            }
            if f.start < f.end {
                let quoted = String::from_utf16_lossy(
                    &units[f.start.min(units.len())..f.end.min(units.len())],
                );
                let short: String = quoted.chars().take(60).collect();
                self.add(&head, "q", "quote", &short)?;
            }
            item.append_child(&head)?;
            self.add(&item, "p", "message", &f.message)?;
            if let Some(r) = &f.replacement {
                let label = match (r.as_str(), f.start == f.end) {
                    ("", _) => "Remove".to_string(),
                    (r, true) => format!("Insert “{}”", r.trim()),
                    (r, false) if r.chars().count() > 40 => "Apply the shorter version".to_string(),
                    (r, false) => format!("Replace with “{r}”"),
                };
                let button = self.el("button", "apply", &label)?;
                button.set_attribute("type", "button")?;
                button.set_attribute("data-rapport-rule", &f.rule)?;
                let page = Rc::clone(self);
                EventListener::new(&button, "click", move |_| {
                    page.apply(i);
                })
                .forget();
                item.append_child(&button)?;
            }
            self.findings.append_child(&item)?;
        }
        *self.report.borrow_mut() = Some(report);
        Ok(())
    }

    /// Applies finding `i` of the last report the way typing would, caret after the edit.
    fn apply(self: &Rc<Self>, i: usize) {
        let finding = self
            .report
            .borrow()
            .as_ref()
            .and_then(|r| r.findings.get(i).cloned());
        let Some(f) = finding else { return };
        let Some(replacement) = f.replacement.as_deref() else {
            return;
        };
        let (start, end) = (f.start as u32, f.end as u32);
        if self
            .note
            .set_range_text_with_start_and_end_and_mode(replacement, start, end, "end")
            .is_ok()
        {
            let _ = self.note.focus();
            let _ = self.render();
        }
    }

    /// Renders on the next turn of the event loop, once for a burst of events.
    fn schedule(self: &Rc<Self>) {
        let page = Rc::clone(self);
        let timeout = Timeout::new(0, move || {
            page.pending.borrow_mut().take();
            let _ = page.render();
        });
        if let Some(old) = self.pending.borrow_mut().replace(timeout) {
            old.cancel();
        }
    }
}

/// Wires up the playground in the current document. Call once after `init()`.
#[wasm_bindgen]
pub fn mount_playground() -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("playground: no document"))?;
    let page = Rc::new(Page {
        note: by_id(&doc, "note")?,
        name: by_id(&doc, "name")?,
        headline: by_id(&doc, "headline")?,
        company: by_id(&doc, "company")?,
        premium: by_id(&doc, "premium")?,
        score: by_id(&doc, "score")?,
        counter: by_id(&doc, "counter")?,
        capped: by_id(&doc, "capped")?,
        categories: by_id(&doc, "categories")?,
        findings: by_id(&doc, "findings")?,
        pending: RefCell::new(None),
        report: RefCell::new(None),
        doc,
    });

    for id in ["note", "name", "headline", "company"] {
        let target: Element = by_id(&page.doc, id)?;
        let p = Rc::clone(&page);
        EventListener::new(&target, "input", move |_| p.schedule()).forget();
    }
    for id in ["premium", "free"] {
        let target: Element = by_id(&page.doc, id)?;
        let p = Rc::clone(&page);
        EventListener::new(&target, "change", move |_| p.schedule()).forget();
    }

    let examples: Element = by_id(&page.doc, "examples")?;
    for &(label, name, headline, company, text) in EXAMPLES {
        let li = page.el("li", "", "")?;
        let button = page.el("button", "example", label)?;
        button.set_attribute("type", "button")?;
        let p = Rc::clone(&page);
        EventListener::new(&button, "click", move |_| {
            p.name.set_value(name);
            p.headline.set_value(headline);
            p.company.set_value(company);
            p.note.set_value(text);
            let _ = p.render();
        })
        .forget();
        li.append_child(&button)?;
        examples.append_child(&li)?;
    }
    page.render()
}

/// The English name of a language code, for the "not checked yet" line.
fn rapport_language_name(code: &str) -> &'static str {
    crate::lang::detect::name(code)
}
