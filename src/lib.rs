//! referendum-tracker: follow a constitutional reform from announcement to law.
//!
//! Layers: `domain` (validated types and rules) ← `storage` (all SQL) ← `web`
//! (HTTP and templates). `startup` wires them into one server.

pub mod cli;
pub mod config;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod passwords;
pub mod seed;
pub mod startup;
pub mod storage;
pub mod texts;
pub mod web;

pub use startup::Application;
