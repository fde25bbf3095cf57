//! `user`: the accounts that can sign in to /admin.

use std::error::Error;

use clap::Subcommand;

use crate::{
    domain::{
        Actor,
        account::{Role, Username, check_new_password},
    },
    passwords,
    storage::{PoolConfig, Storage},
};

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is prompted for, or read from
    /// standard input with --password-stdin.
    Add {
        name: String,
        #[arg(long, value_parser = ["admin", "editor"])]
        role: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts.
    List,
    /// Disable an account and end its sessions.
    Disable { name: String },
    /// Set a new password and end the account's sessions.
    SetPassword {
        name: String,
        #[arg(long)]
        password_stdin: bool,
    },
}

pub(super) async fn run(database_url: &str, command: UserCommand) -> Result<(), Box<dyn Error>> {
    let storage = Storage::open(database_url, &PoolConfig::default()).await?;
    let actor = Actor::system("operator (command line)");
    match command {
        UserCommand::Add { name, role, password_stdin } => {
            let username = Username::parse(&name)?;
            let role: Role = role.parse()?;
            let hash = new_password_hash(password_stdin)?;
            storage.create_user(&actor, &username, role, &hash).await?;
            println!("created {role} {}", username.as_str());
        }
        UserCommand::List => {
            for user in storage.users().await? {
                let state = if user.disabled { "disabled" } else { "active" };
                println!("{}\t{}\t{state}", user.username, user.role);
            }
        }
        UserCommand::Disable { name } => {
            storage.set_user_disabled(&actor, &name.to_lowercase(), true).await?;
            println!("disabled {name}; its sessions have ended");
        }
        UserCommand::SetPassword { name, password_stdin } => {
            let hash = new_password_hash(password_stdin)?;
            storage.set_password(&actor, &name.to_lowercase(), &hash, None).await?;
            println!("password set for {name}; its sessions have ended");
        }
    }
    Ok(())
}

/// Reads a new password (prompted twice without echo, or one line of
/// standard input), checks the policy and hashes it.
fn new_password_hash(from_stdin: bool) -> Result<String, Box<dyn Error>> {
    let password = if from_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        let first = rpassword::prompt_password("New password: ")?;
        let second = rpassword::prompt_password("Repeat it: ")?;
        if first != second {
            return Err("the two passwords differ".into());
        }
        first
    };
    check_new_password(&password)?;
    Ok(passwords::hash_password(&password)?)
}
