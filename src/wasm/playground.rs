//! The playground's driver (wasm32 only): Rust reads the note and the recipient from the
//! page (web-sys), listens to the page's inputs (gloo-events), runs the engine once per
//! burst of events (gloo-timers) and hands the report to the page's drawing function,
//! the extension's own report view, so the playground reads exactly like the panel.
//!
//! `www/playground.js` calls `mountPlayground(draw)`; `draw(report, text)` draws.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlInputElement, HtmlTextAreaElement};

use crate::{Context, Recipient, DEFAULT_LIMIT, FREE_LIMIT};

/// The page's fields and what is needed to redraw.
struct Page {
    document: Document,
    note: HtmlTextAreaElement,
    draw: js_sys::Function,
    /// The pending redraw: replacing it cancels the previous one (a burst of events, a
    /// huge paste, redraws once).
    pending: RefCell<Option<Timeout>>,
}

impl Page {
    fn input(&self, id: &str) -> Option<HtmlInputElement> {
        self.document.get_element_by_id(id)?.dyn_into().ok()
    }

    /// A trimmed field value, `None` when empty or absent.
    fn value(&self, id: &str) -> Option<String> {
        let v = self.input(id)?.value();
        let v = v.trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    fn context(&self) -> Context {
        let premium = self.input("premium").is_some_and(|e| e.checked());
        // The page's declared language, a hint as the extension sends LinkedIn's.
        let language = self
            .document
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| l.split('-').next().map(crate::text::lower))
            .filter(|l| !l.is_empty());
        Context {
            recipient: Recipient {
                name: self.value("name"),
                headline: self.value("headline"),
                company: self.value("company"),
            },
            limit: if premium { DEFAULT_LIMIT } else { FREE_LIMIT },
            language,
            ..Context::default()
        }
    }

    fn render(&self) -> Result<(), JsValue> {
        let text = self.note.value();
        let report = crate::analyze(&text, &self.context());
        let report = super::to_js(&report).map_err(JsValue::from)?;
        self.draw
            .call2(&JsValue::NULL, &report, &JsValue::from_str(&text))?;
        Ok(())
    }

    fn schedule(page: &Rc<Page>) {
        let next = Rc::clone(page);
        let timeout = Timeout::new(0, move || {
            next.pending.borrow_mut().take();
            if let Err(e) = next.render() {
                web_sys::console::error_1(&e);
            }
        });
        page.pending.borrow_mut().replace(timeout);
    }
}

/// The mounted playground, for the page to redraw at once (an example loaded).
#[wasm_bindgen]
pub struct Playground(Rc<Page>);

#[wasm_bindgen]
impl Playground {
    /// Analyses the fields as they are now and draws, without waiting.
    pub fn render(&self) -> Result<(), JsValue> {
        self.0.pending.borrow_mut().take();
        self.0.render()
    }
}

/// Wires the playground: every input of the note, the recipient's fields and the limit
/// redraws (once per burst); draws once now.
#[wasm_bindgen(js_name = mountPlayground)]
pub fn mount_playground(draw: js_sys::Function) -> Result<Playground, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let note: HtmlTextAreaElement = document
        .get_element_by_id("note")
        .ok_or("no #note")?
        .dyn_into()?;
    let page = Rc::new(Page {
        document,
        note,
        draw,
        pending: RefCell::new(None),
    });
    let fields = [
        ("note", "input"),
        ("name", "input"),
        ("headline", "input"),
        ("company", "input"),
        ("premium", "change"),
        ("free", "change"),
    ];
    for (id, event) in fields {
        let Some(target) = page.document.get_element_by_id(id) else {
            continue;
        };
        let on = Rc::clone(&page);
        // The page lives as long as the tab: its listeners are never removed.
        EventListener::new(&target, event, move |_| Page::schedule(&on)).forget();
    }
    page.render()?;
    Ok(Playground(page))
}
