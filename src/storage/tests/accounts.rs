//! Accounts: users are created once, and every change to them is audited.

use super::{TestStore, assert_one_change, assert_unchanged, editor, trail};
use crate::{
    domain::account::{Role, Username},
    storage::accounts::AccountWriteError,
};

#[tokio::test]
async fn a_user_is_created_once_and_disabled_with_an_audit_record() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let name = Username::parse("reviewer").unwrap();
        let before = trail(storage).await;
        storage.create_user(&editor(), &name, Role::Editor, "hash").await.unwrap();
        assert_one_change(storage, before, "create").await;
        let before = trail(storage).await;
        let again = storage.create_user(&editor(), &name, Role::Admin, "hash").await;
        assert!(matches!(again, Err(AccountWriteError::Exists(ref n)) if n == "reviewer"));
        assert_unchanged(storage, before, "a second create").await;
        storage.set_user_disabled(&editor(), "reviewer", true).await.unwrap();
        assert_one_change(storage, before, "disable").await;
        assert!(storage.user_by_name("reviewer").await.unwrap().unwrap().disabled, "{}", store.backend_name());
        let missing = storage.set_user_disabled(&editor(), "nobody", true).await;
        assert!(matches!(missing, Err(AccountWriteError::NoSuchUser(_))));
    }
}
