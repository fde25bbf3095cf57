//! Checking a password the way an attacker cannot exploit: the throttle is
//! counted and recorded in one locked step before the check (so parallel
//! guesses get no more checks than the limits allow), argon2 runs a few at a
//! time (so parallel sign-ins cannot exhaust memory or CPU), and an unknown
//! account costs the same work as a wrong password.

use std::time::Duration as StdDuration;

use chrono::Duration;

use crate::{
    passwords,
    storage::accounts::LoginAttempt,
    web::{error::AppError, state::AppState},
};

/// Failed attempts allowed per account name, and per client address, within
/// the window before further attempts are refused.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;

/// How long a password check waits for one of the few running at once
/// (`state::PASSWORD_CHECKS`) before the request gets 503.
const WAIT_FOR_A_CHECK: StdDuration = StdDuration::from_secs(3);

/// The longest user name and password looked at: anything longer is refused
/// before it is stored, hashed or compared.
pub const MAX_USERNAME_CHARS: usize = 64;
pub const MAX_PASSWORD_BYTES: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    Right,
    Wrong,
    /// Too many failures for this account or address: refused unchecked.
    Throttled,
}

/// Checks `password` against `hash` (None: no such account, or disabled)
/// for a sign-in or a password change by `account` from `client_addr`.
pub async fn check_password(
    state: &AppState,
    account: Option<&str>,
    client_addr: &str,
    password: &str,
    hash: Option<String>,
) -> Result<Checked, AppError> {
    let attempt = LoginAttempt {
        account: account.unwrap_or_default(),
        client_addr,
        since: chrono::Utc::now() - Duration::minutes(FAILURE_WINDOW_MINUTES),
        max_per_account: MAX_FAILURES_PER_ACCOUNT,
        max_per_address: MAX_FAILURES_PER_ADDRESS,
    };
    let Some(reservation) = state.storage.reserve_login_attempt(&attempt).await? else {
        return Ok(Checked::Throttled);
    };
    let permit = match tokio::time::timeout(WAIT_FOR_A_CHECK, state.password_checks.acquire()).await {
        Ok(Ok(permit)) => permit,
        // Not checked, so not a failure: the attempt is forgotten.
        _ => {
            state.storage.forget_login_attempt(reservation).await?;
            return Err(AppError::Unavailable);
        }
    };
    let password = password.to_owned();
    let right = tokio::task::spawn_blocking(move || match hash {
        Some(hash) => passwords::verify_password(&password, &hash),
        None => {
            // The same work whether or not the account exists: no timing tells.
            passwords::burn_verification(&password);
            false
        }
    })
    .await
    .map_err(AppError::internal)?;
    drop(permit);
    if right {
        state.storage.forget_login_attempt(reservation).await?;
        Ok(Checked::Right)
    } else {
        Ok(Checked::Wrong)
    }
}
