//! The boundary, in a real browser: values cross as plain JS objects and come back
//! serialized exactly as the core (and the command line) serializes them.
#![cfg(target_arch = "wasm32")]

use sspr_doctor_wasm::{diagnose, CaseValue};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn stringify(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn report_matches_the_core_byte_for_byte() {
    let input = r#"{"lang":"ja","mobilePhone":"+81 090-1234-5678","alternateEmail":"taro@gmial.com","today":"2026-11-24","isAdmin":true,"soleAdmin":false}"#;
    let out = diagnose(js(input).unchecked_into::<CaseValue>()).unwrap();
    let case: sspr_doctor_core::Case = serde_json::from_str(input).unwrap();
    let expected = serde_json::to_string(&sspr_doctor_core::diagnose(&case)).unwrap();
    assert_eq!(stringify(&out.into()), expected);
}

#[wasm_bindgen_test]
fn nulls_are_unknown_and_come_back_as_null() {
    let out: JsValue = diagnose(js(r#"{"mobilePhone":null,"today":"2026-11-24"}"#).unchecked_into()).unwrap().into();
    let phone = js_sys::Reflect::get(&out, &"phone".into()).unwrap();
    assert!(phone.is_null(), "phone must be null, not undefined");
}

#[wasm_bindgen_test]
fn a_wrong_value_is_an_error_not_a_trap() {
    let err = diagnose(js(r#"{"symptom":"fax"}"#).unchecked_into()).err().expect("an error");
    let msg = stringify(&JsValue::from(err));
    let _ = msg; // JsError becomes a JS Error; reaching here means no trap.
                 // The module still works afterwards.
    assert!(diagnose(js("{}").unchecked_into()).is_ok());
}
