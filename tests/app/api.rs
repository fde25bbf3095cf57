use serde_json::Value;

use crate::helpers::TestApp;

/// Checks a JSON value against an OpenAPI 3.1 schema: types (with null),
/// required and declared properties, array items, references.
fn validate(schema: &Value, value: &Value, doc: &Value, at: &str) -> Result<(), String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/components/schemas/");
        let target = &doc["components"]["schemas"][name];
        if target.is_null() {
            return Err(format!("{at}: unresolved {reference}"));
        }
        return validate(target, value, doc, at);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            return if options.iter().any(|o| validate(o, value, doc, at).is_ok()) {
                Ok(())
            } else {
                Err(format!("{at}: matches none of {key}"))
            };
        }
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let fits = types.iter().any(|t| match *t {
            "null" => value.is_null(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => false,
        });
        if !fits {
            return Err(format!("{at}: {value} is not of type {types:?}"));
        }
    }
    if let (Some(properties), Some(object)) = (schema.get("properties").and_then(Value::as_object), value.as_object()) {
        for required in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let name = required.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                return Err(format!("{at}: missing required {name}"));
            }
        }
        for key in object.keys() {
            if !properties.contains_key(key) {
                return Err(format!("{at}: undocumented property {key}"));
            }
        }
        for (name, property) in properties {
            if let Some(v) = object.get(name) {
                validate(property, v, doc, &format!("{at}.{name}"))?;
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            validate(items, item, doc, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

fn response_schema<'a>(operation: &'a Value, status: &str) -> &'a Value {
    &operation["responses"][status]["content"]["application/json"]["schema"]
}

#[tokio::test]
async fn every_path_in_the_openapi_document_answers_as_documented() {
    let app = TestApp::spawn().await;
    let doc: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 7, "{:?}", paths.keys());
    for (path, item) in paths {
        let operation = &item["get"];
        assert!(!operation.is_null(), "{path} documents a GET");
        let url = path
            .replace("{document}", "kz-constitution-1995")
            .replace("{eid}", "art_83-1__para_1")
            .replace("{article}", "83-1")
            .replace("{slug}", "2022-04-29-assembly-of-the-people");
        let response = app.get(&url).await;
        assert_eq!(response.status(), 200, "{url}");
        assert_eq!(response.headers()["access-control-allow-origin"], "*", "{url} allows other sites");
        let body: Value = response.json().await.unwrap();
        let schema = response_schema(operation, "200");
        assert!(!schema.is_null(), "{path} documents its 200 body");
        validate(schema, &body, &doc, &url).unwrap();
    }
}

#[tokio::test]
async fn api_errors_are_json_with_a_stable_shape_and_the_right_status() {
    let app = TestApp::spawn().await;
    let doc: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let error_schema = serde_json::json!({ "$ref": "#/components/schemas/ApiError" });
    for (url, status, code) in [
        ("/api/v1/amendments?status=passed", 400, "bad_request"),
        ("/api/v1/amendments?per_page=1000", 400, "bad_request"),
        ("/api/v1/amendments?as_of=2022-02-30", 400, "bad_request"),
        ("/api/v1/amendments/999", 404, "not_found"),
        ("/api/v1/announcements/nope", 404, "not_found"),
        ("/api/v1/nothing-here", 404, "not_found"),
    ] {
        let response = app.get(url).await;
        assert_eq!(response.status(), status, "{url}");
        let body: Value = response.json().await.unwrap();
        validate(&error_schema, &body, &doc, url).unwrap();
        assert_eq!(body["error"]["code"], code, "{url}");
    }
}

#[tokio::test]
async fn lists_are_paginated_and_filtered_like_the_pages() {
    let app = TestApp::spawn().await;
    let page: Value = app.get("/api/v1/amendments?per_page=10&page=4").await.json().await.unwrap();
    assert_eq!(page["total"], 33);
    assert_eq!(page["items"].as_array().unwrap().len(), 3);
    assert_eq!(page["items"][2]["article"], "99");
    let filtered: Value = app.get("/api/v1/amendments?status=amended_later").await.json().await.unwrap();
    let articles: Vec<&str> =
        filtered["items"].as_array().unwrap().iter().map(|a| a["article"].as_str().unwrap()).collect();
    assert_eq!(articles, ["42", "71", "91"]);
    let then: Value = app.get("/api/v1/amendments?as_of=2022-04-29&per_page=200").await.json().await.unwrap();
    assert!(then["items"].as_array().unwrap().iter().all(|a| a["status"] == "submitted"));
    let amendment: Value = app.get("/api/v1/amendments/15").await.json().await.unwrap();
    assert_eq!(amendment["history"].as_array().unwrap().len(), 6);
    assert_eq!(amendment["motivations"][0]["anchor"], "on-the-referendum-in-kazakhstan-2");
    let results: Value = app.get("/api/v1/results").await.json().await.unwrap();
    assert_eq!(results["sets"].as_array().unwrap().len(), 2);
    assert_eq!(results["units"].as_array().unwrap().len(), 17);
    let before: Value = app.get("/api/v1/results?as_of=2022-06-01").await.json().await.unwrap();
    assert!(before["sets"].as_array().unwrap().is_empty(), "the shape exists before any figure");
}
