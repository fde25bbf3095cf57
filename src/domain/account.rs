//! Accounts: roles, user names and password rules.

use std::{fmt, str::FromStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Everything, including managing users.
    Admin,
    /// Content and statuses.
    Editor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown role “{0}”; use admin or editor")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "admin" => Ok(Role::Admin),
            "editor" => Ok(Role::Editor),
            other => Err(UnknownRole(other.chars().take(20).collect())),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AccountError {
    #[error("a user name has 2 to 40 characters: lower-case letters, digits, “.”, “_” or “-”")]
    BadUsername,
    #[error("a password needs at least {MIN_PASSWORD_CHARS} characters")]
    PasswordTooShort,
    #[error("a password has at most {MAX_PASSWORD_BYTES} bytes")]
    PasswordTooLong,
}

pub const MIN_PASSWORD_CHARS: usize = 12;
/// argon2 would hash anything, but a megabyte "password" is an attack.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// A user name as stored: trimmed, lower-case, from a small alphabet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(input: &str) -> Result<Self, AccountError> {
        let name = input.trim().to_lowercase();
        let ok = (2..=40).contains(&name.chars().count())
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
        if ok { Ok(Self(name)) } else { Err(AccountError::BadUsername) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks a new password against the policy; the text itself is never kept.
pub fn check_new_password(password: &str) -> Result<(), AccountError> {
    if password.len() > MAX_PASSWORD_BYTES {
        Err(AccountError::PasswordTooLong)
    } else if password.chars().count() < MIN_PASSWORD_CHARS {
        Err(AccountError::PasswordTooShort)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_are_normalised_and_limited() {
        assert_eq!(Username::parse(" Editor.One ").unwrap().as_str(), "editor.one");
        for bad in ["", "a", "x y", "<script>", "ä", &"a".repeat(41)] {
            assert_eq!(Username::parse(bad), Err(AccountError::BadUsername), "{bad:?}");
        }
    }

    #[test]
    fn passwords_have_a_minimum_and_a_maximum_length() {
        assert_eq!(check_new_password("short"), Err(AccountError::PasswordTooShort));
        assert_eq!(check_new_password(&"x".repeat(2000)), Err(AccountError::PasswordTooLong));
        assert_eq!(check_new_password("correct horse battery"), Ok(()));
    }

    #[test]
    fn roles_parse_from_their_keys_only() {
        assert_eq!("admin".parse::<Role>(), Ok(Role::Admin));
        assert_eq!("editor".parse::<Role>(), Ok(Role::Editor));
        assert!("root".parse::<Role>().is_err());
    }
}
