//! Users, sessions and failed log-ins. Password hashing happens outside:
//! this module stores and compares hashes only.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::{
    Storage, StorageError, on_pool,
    tx::{Bookkeeping, Change, args},
};
use crate::domain::Actor;
use crate::domain::account::{Role, Username};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: Role,
    pub disabled: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl UserRow {
    pub fn role(&self) -> Role {
        self.role
    }
}

/// The signed-in user behind a session.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionUser {
    pub user_id: i64,
    pub username: String,
    pub role: Role,
    pub csrf_token: String,
    pub last_seen_at: DateTime<Utc>,
}

impl SessionUser {
    pub fn role(&self) -> Role {
        self.role
    }
}

/// One sign-in (or password-change) attempt, for the throttle.
pub struct LoginAttempt<'a> {
    /// The account name, or "" for a name no account has: nothing about
    /// invented names is kept, so a flood of them cannot grow the table.
    pub account: &'a str,
    pub client_addr: &'a str,
    /// Failures since this moment count.
    pub since: DateTime<Utc>,
    pub max_per_account: i64,
    pub max_per_address: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountWriteError {
    #[error("a user named “{0}” already exists")]
    Exists(String),
    #[error("no user named “{0}”")]
    NoSuchUser(String),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

const USER_COLUMNS: &str = "id, username, password_hash, role, disabled, version, created_at";

impl Storage {
    pub async fn user_by_name(&self, username: &str) -> Result<Option<UserRow>, StorageError> {
        let sql = format!("select {USER_COLUMNS} from users where username = $1");
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(&sql)
            .bind(username)
            .fetch_optional(pool)
            .await?))
    }

    pub async fn users(&self) -> Result<Vec<UserRow>, StorageError> {
        let sql = format!("select {USER_COLUMNS} from users order by username");
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(&sql).fetch_all(pool).await?))
    }

    pub async fn create_user(
        &self,
        actor: &Actor,
        username: &Username,
        role: Role,
        password_hash: &str,
    ) -> Result<i64, AccountWriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        if tx
            .fetch_optional::<(i64,)>("select id from users where username = $1", args![username.as_str()])
            .await?
            .is_some()
        {
            return Err(AccountWriteError::Exists(username.as_str().to_owned()));
        }
        let (id,): (i64,) = tx
            .fetch_one(
                "insert into users (username, password_hash, role, disabled, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $5) returning id",
                args![username.as_str(), password_hash, role.as_str(), false, now],
            )
            .await?;
        let change = Change {
            action: "user.create",
            entity_type: crate::domain::audit::USER_ENTITY,
            entity_id: username.as_str().to_owned(),
            before: None,
            after: Some(json!({ "username": username.as_str(), "role": role.as_str() })),
            public: false,
        };
        tx.commit(change).await?;
        Ok(id)
    }

    /// Replaces a password and ends the user's sessions except `keep`.
    pub async fn set_password(
        &self,
        actor: &Actor,
        username: &str,
        password_hash: &str,
        keep_session: Option<&str>,
    ) -> Result<(), AccountWriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        let Some((id,)) =
            tx.fetch_optional::<(i64,)>("select id from users where username = $1", args![username]).await?
        else {
            return Err(AccountWriteError::NoSuchUser(username.to_owned()));
        };
        tx.execute(
            "update users set password_hash = $1, version = version + 1, updated_at = $2 where id = $3",
            args![password_hash, now, id],
        )
        .await?;
        tx.execute(
            "delete from sessions where user_id = $1 and (cast($2 as text) is null or token_hash <> $2)",
            args![id, keep_session],
        )
        .await?;
        let change = Change {
            action: "user.set_password",
            entity_type: crate::domain::audit::USER_ENTITY,
            entity_id: username.to_owned(),
            before: None,
            after: Some(json!({ "password": "changed", "other_sessions": "ended" })),
            public: false,
        };
        tx.commit(change).await?;
        Ok(())
    }

    /// Disables (or re-enables) an account; disabling ends its sessions.
    pub async fn set_user_disabled(
        &self,
        actor: &Actor,
        username: &str,
        disabled: bool,
    ) -> Result<(), AccountWriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        let Some((id, was)): Option<(i64, bool)> =
            tx.fetch_optional("select id, disabled from users where username = $1", args![username]).await?
        else {
            return Err(AccountWriteError::NoSuchUser(username.to_owned()));
        };
        tx.execute(
            "update users set disabled = $1, version = version + 1, updated_at = $2 where id = $3",
            args![disabled, now, id],
        )
        .await?;
        if disabled {
            tx.execute("delete from sessions where user_id = $1", args![id]).await?;
        }
        let change = Change {
            action: if disabled { "user.disable" } else { "user.enable" },
            entity_type: crate::domain::audit::USER_ENTITY,
            entity_id: username.to_owned(),
            before: Some(json!({ "disabled": was })),
            after: Some(json!({ "disabled": disabled })),
            public: false,
        };
        tx.commit(change).await?;
        Ok(())
    }

    pub async fn create_session(
        &self,
        user_id: i64,
        token_hash: &str,
        csrf_token: &str,
        client_addr: Option<&str>,
        idle: Duration,
    ) -> Result<(), StorageError> {
        let now = super::now();
        let sql = "insert into sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, client_addr) \
                   values ($1, $2, $3, $4, $4, $5, $6)";
        on_pool!(self.db(), |pool| {
            crate::storage::recorded::query(sql)
                .bind(token_hash)
                .bind(user_id)
                .bind(csrf_token)
                .bind(now)
                .bind(now + idle)
                .bind(client_addr)
                .execute(pool)
                .await?;
        });
        // Expired sessions of anyone are swept along the way.
        on_pool!(self.db(), |pool| {
            crate::storage::recorded::query("delete from sessions where expires_at < $1")
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The live session's user, if the session exists, has not expired and
    /// the account is enabled. Extends the idle timeout at most once a minute.
    /// The user of a live session: seen within `idle`, and begun within
    /// `lifetime` however active (ASVS 3.3: an absolute limit besides the
    /// idle one).
    pub async fn session_user(
        &self,
        token_hash: &str,
        idle: Duration,
        lifetime: Duration,
    ) -> Result<Option<SessionUser>, StorageError> {
        let now = super::now();
        let sql = "select s.user_id, u.username, u.role, s.csrf_token, s.last_seen_at from sessions s \
                   join users u on u.id = s.user_id \
                   where s.token_hash = $1 and s.expires_at > $2 and s.created_at > $3 and u.disabled = false";
        let user: Option<SessionUser> = on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(token_hash)
            .bind(now)
            .bind(now - lifetime)
            .fetch_optional(pool)
            .await?);
        if let Some(user) = &user
            && now - user.last_seen_at > Duration::minutes(1)
        {
            let sql = "update sessions set last_seen_at = $1, expires_at = $2 where token_hash = $3";
            on_pool!(self.db(), |pool| {
                crate::storage::recorded::query(sql).bind(now).bind(now + idle).bind(token_hash).execute(pool).await?;
            });
        }
        Ok(user)
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StorageError> {
        on_pool!(self.db(), |pool| {
            crate::storage::recorded::query("delete from sessions where token_hash = $1")
                .bind(token_hash)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Counts the failures of this account and this address since `since`
    /// and, if both are under their limits, records this attempt as a
    /// failure before the password is checked — in one locked step, so that
    /// guesses sent in parallel get no more checks than the limits allow.
    /// Returns the attempt's id (to forget it when the password was right), or
    /// `None` when the attempt is refused. Failures older than the window are
    /// pruned on the way, so the table stays small.
    pub async fn reserve_login_attempt(&self, attempt: &LoginAttempt<'_>) -> Result<Option<i64>, StorageError> {
        let mut tx = Bookkeeping::begin(self.db(), self.busy_timeout()).await?;
        tx.execute("delete from login_failures where failed_at <= $1", args![attempt.since]).await?;
        let (by_account, by_address): (i64, i64) = tx
            .fetch_one(
                "select \
                 (select count(*) from login_failures where username = $1 and username <> ''), \
                 (select count(*) from login_failures where client_addr = $2)",
                args![attempt.account, attempt.client_addr],
            )
            .await?;
        if by_account >= attempt.max_per_account || by_address >= attempt.max_per_address {
            tx.commit().await?;
            return Ok(None);
        }
        let (id,): (i64,) = tx
            .fetch_one(
                "insert into login_failures (username, client_addr, failed_at) values ($1, $2, $3) returning id",
                args![attempt.account, attempt.client_addr, super::now()],
            )
            .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Forgets a reserved attempt whose password was right.
    pub async fn forget_login_attempt(&self, id: i64) -> Result<(), StorageError> {
        on_pool!(self.db(), |pool| {
            crate::storage::recorded::query("delete from login_failures where id = $1").bind(id).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn clear_login_failures(&self, username: &str) -> Result<(), StorageError> {
        on_pool!(self.db(), |pool| {
            crate::storage::recorded::query("delete from login_failures where username = $1")
                .bind(username)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
