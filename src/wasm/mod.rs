//! The JavaScript boundary (wasm32 only): thin wrappers that move plain data across
//! with serde-wasm-bindgen. No rule logic lives here.

use wasm_bindgen::prelude::*;

use crate::Context;

fn serializer() -> serde_wasm_bindgen::Serializer {
    // JSON-compatible values (plain objects, no Maps) survive chrome.runtime.sendMessage.
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serializer())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses a note. `context` is `{ recipient: { name, headline, company }, limit, kind, disabled }`
/// (every field optional); returns the Report with spans in UTF-16 code units.
#[wasm_bindgen]
pub fn analyze(text: &str, context: JsValue) -> Result<JsValue, JsError> {
    let ctx: Context = if context.is_undefined() || context.is_null() {
        Context::default()
    } else {
        serde_wasm_bindgen::from_value(context)
            .map_err(|e| JsError::new(&format!("bad context: {e}")))?
    };
    to_js(&crate::analyze(text, &ctx))
}

/// The rules, for settings pages: `[{ id, category }]`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct RuleInfo {
        id: &'static str,
        category: crate::Category,
    }
    let list: Vec<RuleInfo> = crate::rules::ALL
        .iter()
        .map(|r| RuleInfo {
            id: r.id(),
            category: r.category(),
        })
        .collect();
    to_js(&list)
}

mod playground;
pub use playground::mount_playground;
