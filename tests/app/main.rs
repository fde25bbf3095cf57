//! One integration-test binary: the real server over HTTP, on a fresh
//! database per test (a temporary SQLite file, or a fresh PostgreSQL
//! database when TEST_POSTGRES_URL is set).

mod admin;
mod api;
mod cli;
mod constitution;
mod export;
mod feeds;
mod helpers;
mod languages;
mod open_data;
mod performance;
mod process;
mod public_pages;
mod reliability;
mod replay;
mod results;
mod scale;
mod search;
mod security;
mod seeding;
mod writes;
