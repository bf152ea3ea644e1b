//! One behaviour for every backend: the same story runs on SQLite (always)
//! and on PostgreSQL when `TRUCE_TEST_POSTGRES` holds a server URL (CI
//! starts one); without it the PostgreSQL run says it is skipped.

use anyhow::Result;
use truce_model::{Claim, ClaimKind, Document, Excerpt, Modality, Report, Span};

use truce_store::{DocumentPage, NewDocument, Put, SqlStore, Store, StoreError};

const STORY: &str = "Government forces and armed opposition groups agreed on a local truce \
    around the eastern suburbs on Sunday, according to a statement read on state television. \
    The truce will last seventy-two hours and may be extended if it holds, the statement said, \
    while monitors reported sporadic shelling overnight in two villages north of the city.";
const OTHER: &str = "Rebel factions rejected the proposal for a humanitarian pause in the \
    besieged districts and accused the air force of striking a market on Tuesday, killing at \
    least a dozen people, a monitoring group said. Aid convoys have not reached the area.";
const ARABIC: &str = "قالت وزارة الدفاع إن الهدنة صامدة في حلب. The truce held in Aleppo.";

fn claim(id: &str, kind: ClaimKind, text: &str) -> Claim {
    serde_json::from_value(serde_json::json!({
        "id": id, "kind": kind.as_str(), "modality": Modality::Asserted.as_str(),
        "attribution": {"chain": []},
        "evidence": Excerpt::new(Span::new(0, 10), text),
    }))
    .expect("a claim")
}

fn doc(id: &str, text: &str, extractor: &str, kinds: &[ClaimKind]) -> NewDocument {
    let document = Document {
        id: id.into(),
        published: "2016-05-01".into(),
        outlet: Some("Levant Wire".into()),
        title: Some(format!("Report {id}")),
        url: None,
        language: None,
        translated_by: None,
        edited_by: None,
        theatre: None,
        bytes: text.len(),
        extractor: extractor.into(),
    };
    let claims = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| claim(&format!("c{}", i + 1), *k, text))
        .collect();
    NewDocument::new(text.to_string(), Report { document, claims })
}

async fn story(location: &str) -> Result<()> {
    let store = SqlStore::open(location).await?;
    assert_eq!(store.stats().await?.documents, 0, "a fresh store is empty");

    let a = doc(
        "a",
        STORY,
        "v1",
        &[ClaimKind::TruceDeclared, ClaimKind::TruceExtended],
    );
    let b = doc("b", OTHER, "v1", &[ClaimKind::IncidentAttack]);
    let again = doc("a-copy", STORY, "v1", &[ClaimKind::TruceDeclared]);
    let puts = store.put_batch(&[a.clone(), b.clone(), again]).await?;
    assert_eq!(puts[0], Put::New);
    assert_eq!(puts[1], Put::New);
    assert_eq!(
        puts[2],
        Put::Duplicate {
            existing: "a".into()
        },
        "same text in one batch"
    );

    let edited = STORY.replace("Sunday", "Saturday");
    let near = doc("a-edited", &edited, "v1", &[ClaimKind::TruceDeclared]);
    let clash = doc("a", ARABIC, "v1", &[]);
    let arabic = doc("ar", ARABIC, "v1", &[ClaimKind::TruceInForce]);
    let puts = store.put_batch(&[near, clash, arabic.clone()]).await?;
    assert!(
        matches!(&puts[0], Put::NearDuplicate { of, .. } if of == "a"),
        "{:?}",
        puts[0]
    );
    assert_eq!(puts[1], Put::IdConflict { id: "a".into() });
    assert_eq!(puts[2], Put::New);
    assert_eq!(
        store.put_batch(std::slice::from_ref(&a)).await?[0],
        Put::Duplicate {
            existing: "a".into()
        }
    );

    // Another handle (another process, say) sees what this one stored.
    let other = SqlStore::open(location).await?;
    let edited_again = STORY.replace("Sunday", "Friday");
    let puts = other
        .put_batch(&[doc("a-again", &edited_again, "v1", &[])])
        .await?;
    assert!(
        matches!(&puts[0], Put::NearDuplicate { of, .. } if of == "a"),
        "{:?}",
        puts[0]
    );
    other.close().await;

    let stored = store.document("a").await?.expect("stored");
    assert_eq!(stored.text, STORY);
    assert_eq!(stored.report, a.report, "claims and metadata round-trip");
    assert_eq!(stored.duplicate_of, None);
    let ar = store.document("ar").await?.expect("stored");
    assert_eq!(ar.text, ARABIC, "non-ASCII text round-trips");
    let edited_doc = store.document("a-edited").await?.expect("stored");
    assert_eq!(edited_doc.duplicate_of.as_deref(), Some("a"));
    assert!(store.document("missing").await?.is_none());

    let reports = store.reports().await?;
    let ids: Vec<&str> = reports.iter().map(|r| r.document.id.as_str()).collect();
    assert_eq!(
        ids,
        ["a", "b", "ar"],
        "originals in stored order, near-duplicates left out"
    );
    assert_eq!(reports[0].claims.len(), 2);
    assert_eq!(
        reports[0].claims[1].kind,
        ClaimKind::TruceExtended,
        "claims keep their order"
    );

    let listing = store.documents(0, 10).await?;
    assert_eq!(listing.len(), 5);
    assert_eq!(listing[0].claims, 2);
    assert_eq!(listing[2].duplicate_of.as_deref(), Some("a"));
    assert_eq!(store.documents(3, 10).await?.len(), 2, "offset");

    // Pages by sequence number, bounded by a snapshot, within dates.
    let first = store
        .document_page(&DocumentPage {
            limit: 2,
            ..DocumentPage::default()
        })
        .await?;
    assert_eq!(first.len(), 2);
    let next = store
        .document_page(&DocumentPage {
            after: first[1].seq,
            upto: Some(listing[3].seq),
            limit: 10,
            ..DocumentPage::default()
        })
        .await?;
    let ids: Vec<&str> = next.iter().map(|d| d.id.as_str()).collect();
    let expected: Vec<&str> = listing[2..4].iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, expected, "after the cursor, up to the snapshot");
    let none = store
        .document_page(&DocumentPage {
            published_from: Some("2016-05-02".into()),
            limit: 10,
            ..DocumentPage::default()
        })
        .await?;
    assert!(none.is_empty(), "publication window");

    // The sequence moves with every write; a snapshot agrees with itself.
    let before = store.sequence().await?;
    assert_eq!(before.appended, listing[4].seq);
    let snap = store.snapshot(0).await?;
    assert_eq!(snap.sequence, before);
    assert_eq!(snap.reports.len(), 3);
    assert_eq!(snap.stats.documents, 5);
    let tail = store.snapshot(listing[1].seq).await?;
    let ids: Vec<&str> = tail
        .reports
        .iter()
        .map(|r| r.document.id.as_str())
        .collect();
    assert_eq!(ids, ["ar"], "only the originals after the number");

    assert_eq!(store.stale("v2").await?.len(), 5);
    let mut reread = a.report.clone();
    reread.document.extractor = "v2".into();
    reread.claims.truncate(1);
    assert!(store.replace_reading(&reread).await?);
    let after = store.sequence().await?;
    assert_eq!(after.appended, before.appended);
    assert_eq!(
        after.rewritten,
        before.rewritten + 1,
        "a new reading counts"
    );
    assert_eq!(store.stale("v2").await?, ["b", "a-edited", "ar", "a-again"]);
    assert_eq!(store.document("a").await?.expect("kept").report, reread);
    let mut unknown = reread.clone();
    unknown.document.id = "nope".into();
    assert!(!store.replace_reading(&unknown).await?);

    let stats = store.stats().await?;
    assert_eq!(stats.documents, 5);
    assert_eq!(stats.near_duplicates, 2);
    assert_eq!(
        stats.claims, 4,
        "1 (a, re-read) + 1 (b) + 1 (a-edited) + 1 (ar)"
    );
    assert_eq!(stats.first_published.as_deref(), Some("2016-05-01"));
    assert!(
        stats
            .claims_by_kind
            .contains(&("truce.declared".to_string(), 2))
    );
    store.close().await;

    let reopened = SqlStore::open(location).await?;
    assert_eq!(
        reopened.stats().await?,
        stats,
        "everything survives a reopen"
    );
    reopened.close().await;
    Ok(())
}

/// A text of `words` words drawn from a small vocabulary by `seed`: texts
/// of different seeds are far apart as fingerprints.
fn random_text(seed: u64, words: usize) -> String {
    const VOCABULARY: &[&str] = &[
        "truce",
        "shelling",
        "village",
        "council",
        "monitors",
        "convoy",
        "northern",
        "statement",
        "ministry",
        "rebels",
        "army",
        "district",
        "market",
        "overnight",
        "agreed",
        "rejected",
        "talks",
        "border",
        "aid",
        "river",
        "bridge",
        "checkpoint",
        "hospital",
        "school",
        "mayor",
        "elders",
        "commander",
        "said",
        "reported",
        "denied",
        "claimed",
        "week",
        "hours",
        "calm",
        "fighting",
        "road",
        "siege",
        "wounded",
        "killed",
        "released",
        "prisoners",
        "exchange",
    ];
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..words)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            VOCABULARY[(state % VOCABULARY.len() as u64) as usize]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Batches larger than one statement's rows, with every outcome inside one
/// batch: documents keep batch order and their claims, a near-duplicate of
/// an earlier document of the same batch links to it, an exact copy and an
/// id taken earlier in the batch change nothing, and a second batch sees
/// the first.
async fn bulk_story(location: &str) -> Result<()> {
    let store = SqlStore::open(location).await?;
    let before = store.stats().await?;
    let kinds = [
        ClaimKind::TruceDeclared,
        ClaimKind::TruceExtended,
        ClaimKind::IncidentAttack,
        ClaimKind::TruceInForce,
        ClaimKind::TruceViolated,
    ];
    let mut batch: Vec<NewDocument> = (0..300)
        .map(|i| {
            let text = random_text(i + 1, 80);
            doc(
                &format!("bulk-{i:03}"),
                &text,
                "v1",
                &kinds[..(i % 6) as usize],
            )
        })
        .collect();
    let first = batch[0].text.clone();
    let near_text = format!("{first} monitors");
    batch.insert(
        10,
        doc("bulk-near", &near_text, "v1", &[ClaimKind::TruceDeclared]),
    );
    batch.insert(20, doc("bulk-copy", &first, "v1", &[]));
    batch.insert(30, doc("bulk-001", &random_text(9999, 80), "v1", &[]));
    let puts = store.put_batch(&batch).await?;
    assert_eq!(puts.len(), 303);
    assert!(
        matches!(&puts[10], Put::NearDuplicate { of, .. } if of == "bulk-000"),
        "{:?}",
        puts[10]
    );
    assert_eq!(
        puts[20],
        Put::Duplicate {
            existing: "bulk-000".into()
        }
    );
    assert_eq!(
        puts[30],
        Put::IdConflict {
            id: "bulk-001".into()
        }
    );
    let new = puts.iter().filter(|p| **p == Put::New).count();
    assert_eq!(new, 300, "{puts:?}");

    let stats = store.stats().await?;
    assert_eq!(stats.documents - before.documents, 301);
    let claims: i64 = (0..300).map(|i| i % 6).sum::<i64>() + 1;
    assert_eq!(stats.claims - before.claims, claims);
    let listing = store.documents(before.documents, 400).await?;
    let ids: Vec<&str> = listing.iter().map(|d| d.id.as_str()).collect();
    let mut expected: Vec<String> = (0..300).map(|i| format!("bulk-{i:03}")).collect();
    expected.insert(10, "bulk-near".into());
    assert_eq!(ids, expected, "stored in batch order");
    assert!(
        listing.windows(2).all(|w| w[0].seq < w[1].seq),
        "growing numbers"
    );
    assert_eq!(listing[10].duplicate_of.as_deref(), Some("bulk-000"));
    let stored = store.document("bulk-005").await?.expect("stored");
    assert_eq!(stored.report, batch[5].report, "claims in order, metadata");
    assert_eq!(stored.text, batch[5].text);

    // The next batch: duplicates and near-duplicates of stored documents.
    let again = [
        doc("bulk-again", &batch[42].text, "v1", &[]),
        doc(
            "bulk-near2",
            &format!("{} convoy", batch[50].text),
            "v1",
            &[],
        ),
        doc("bulk-299", &random_text(4242, 80), "v1", &[]),
    ];
    for near in [&batch[10], &again[1]] {
        let original = if near.report.document.id == "bulk-near" {
            0
        } else {
            50
        };
        let d = truce_store::distance(near.simhash, batch[original].simhash);
        assert!(
            d <= truce_store::NEAR_BITS,
            "the test's near copies are near: {d}"
        );
    }
    let puts = store.put_batch(&again).await?;
    assert_eq!(
        puts[0],
        Put::Duplicate {
            existing: batch[42].report.document.id.clone()
        }
    );
    assert!(
        matches!(&puts[1], Put::NearDuplicate { of, .. } if *of == batch[50].report.document.id),
        "{:?}",
        puts[1]
    );
    assert_eq!(
        puts[2],
        Put::IdConflict {
            id: "bulk-299".into()
        }
    );
    assert_eq!(store.stats().await?.documents - before.documents, 302);
    store.close().await;
    Ok(())
}

/// A database that a newer truce migrated is refused, unchanged.
async fn newer_schema_is_refused(location: &str) -> Result<()> {
    let store = SqlStore::open(location).await?;
    store.close().await;
    let raw = sqlx_pool(location).await?;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (9999, 'from the future', TRUE, $1, 0)",
    )
    .bind(vec![0u8; 48])
    .execute(&raw)
    .await?;
    raw.close().await;
    let err = SqlStore::open(location).await.expect_err("refused");
    assert!(
        matches!(err, StoreError::Newer { found: 9999, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer truce"), "{err}");
    Ok(())
}

async fn sqlx_pool(location: &str) -> Result<sqlx::AnyPool> {
    sqlx::any::install_default_drivers();
    let url = if location.starts_with("postgres") {
        location.to_string()
    } else {
        format!("sqlite://{location}")
    };
    Ok(sqlx::AnyPool::connect(&url).await?)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

#[test]
fn sqlite_file() -> Result<()> {
    let dir = tempdir("conformance");
    let db = dir.join("nested").join("truce.db");
    let db = db.to_str().expect("utf-8 path");
    runtime().block_on(async {
        story(db).await?;
        bulk_story(db).await?;
        newer_schema_is_refused(db).await
    })
}

#[test]
fn sqlite_in_memory() -> Result<()> {
    runtime().block_on(async {
        let store = SqlStore::open("sqlite::memory:").await?;
        let puts = store
            .put_batch(&[doc("m", STORY, "v1", &[ClaimKind::TruceDeclared])])
            .await?;
        assert_eq!(puts, [Put::New]);
        assert_eq!(store.reports().await?.len(), 1);
        Ok(())
    })
}

#[test]
fn postgres() -> Result<()> {
    let Ok(url) = std::env::var("TRUCE_TEST_POSTGRES") else {
        eprintln!(
            "skipped: set TRUCE_TEST_POSTGRES=postgres://... to run the store story on PostgreSQL"
        );
        return Ok(());
    };
    runtime().block_on(async {
        reset_postgres(&url).await?;
        story(&url).await?;
        bulk_story(&url).await?;
        newer_schema_is_refused(&url).await?;
        reset_postgres(&url).await
    })?;
    concurrent_first_opens(&url, 4)?;
    runtime().block_on(async {
        assert_eq!(SqlStore::open(&url).await?.stats().await?.documents, 4);
        read_only_story(&url, false).await?;
        reset_postgres(&url).await
    })
}

/// The PostgreSQL test database starts empty.
async fn reset_postgres(url: &str) -> Result<()> {
    let raw = sqlx_pool(url).await?;
    sqlx::query("DROP TABLE IF EXISTS claims, documents, store_meta, _sqlx_migrations")
        .execute(&raw)
        .await?;
    raw.close().await;
    Ok(())
}

pub fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("truce-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A file that is not SQLite, and an SQLite database of another program,
/// are refused and left byte for byte as they were.
#[test]
fn foreign_files_are_refused_unchanged() -> Result<()> {
    let dir = tempdir("foreign");
    let text = dir.join("notes.txt");
    std::fs::write(&text, "not a database\n")?;
    let err = runtime()
        .block_on(SqlStore::open(text.to_str().expect("path")))
        .expect_err("refused");
    assert!(err.to_string().contains("not a truce database"), "{err}");
    assert_eq!(std::fs::read(&text)?, b"not a database\n");

    let other = dir.join("other.db");
    let other = other.to_str().expect("path");
    runtime().block_on(async {
        let raw = sqlx_pool(&format!("{other}?mode=rwc")).await?;
        sqlx::query("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
            .execute(&raw)
            .await?;
        raw.close().await;
        Ok::<_, anyhow::Error>(())
    })?;
    let before = std::fs::read(other)?;
    let err = runtime()
        .block_on(SqlStore::open(other))
        .expect_err("refused");
    assert!(err.to_string().contains("invoices"), "{err}");
    assert_eq!(std::fs::read(other)?, before, "unchanged");
    Ok(())
}

/// A read-only handle reads everything and writes nothing: a store that
/// does not exist yet is `Missing`, a write is `ReadOnly`.
async fn read_only_story(location: &str, fresh: bool) -> Result<()> {
    if fresh {
        let err = SqlStore::open_read_only(location)
            .await
            .expect_err("nothing to read yet");
        assert!(matches!(err, StoreError::Missing { .. }), "{err}");
        assert!(err.to_string().contains("no truce store yet"), "{err}");
    }
    let writer = SqlStore::open(location).await?;
    let before = writer.stats().await?.documents;
    writer
        .put_batch(&[doc("ro", STORY, "v1", &[ClaimKind::TruceDeclared])])
        .await?;
    writer.close().await;
    let reader = SqlStore::open_read_only(location).await?;
    assert_eq!(reader.stats().await?.documents, before + 1);
    assert!(reader.document("ro").await?.is_some());
    let err = reader
        .put_batch(&[doc("ro2", OTHER, "v1", &[])])
        .await
        .expect_err("read-only");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    reader.close().await;
    Ok(())
}

/// Several processes opening one new store at once all succeed: creation
/// runs in one transaction under a lock.
fn concurrent_first_opens(location: &str, handles: usize) -> Result<()> {
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(handles));
    let threads: Vec<_> = (0..handles)
        .map(|i| {
            let (location, barrier) = (location.to_string(), barrier.clone());
            std::thread::spawn(move || {
                runtime().block_on(async {
                    barrier.wait();
                    let store = SqlStore::open(&location).await?;
                    let text = format!("{STORY} Copy {i} of the concurrent story.");
                    store
                        .put_batch(&[doc(&format!("c{i}"), &text, "v1", &[])])
                        .await?;
                    store.close().await;
                    Ok::<_, StoreError>(())
                })
            })
        })
        .collect();
    for t in threads {
        t.join().expect("no panic")?;
    }
    Ok(())
}

#[test]
fn sqlite_read_only() -> Result<()> {
    let dir = tempdir("read-only");
    let db = dir.join("ro.db");
    runtime().block_on(read_only_story(db.to_str().expect("path"), true))
}

#[test]
fn sqlite_new_store_opened_at_once() -> Result<()> {
    for trial in 0..5 {
        let dir = tempdir(&format!("concurrent-{trial}"));
        let db = dir.join("new.db");
        let db = db.to_str().expect("path");
        concurrent_first_opens(db, 4)?;
        let stats = runtime().block_on(async { SqlStore::open(db).await?.stats().await })?;
        assert_eq!(stats.documents, 4, "trial {trial}");
    }
    Ok(())
}

/// An earlier truce killed while creating a store could leave an empty
/// migrations table and nothing else: the next open completes the store.
#[test]
fn sqlite_half_made_store_is_completed() -> Result<()> {
    let dir = tempdir("half-made");
    let db = dir.join("half.db");
    let db = db.to_str().expect("path");
    runtime().block_on(async {
        let raw = sqlx_pool(&format!("{db}?mode=rwc")).await?;
        sqlx::query(
            "CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, \
             installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, \
             checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)",
        )
        .execute(&raw)
        .await?;
        raw.close().await;
        let store = SqlStore::open(db).await?;
        assert_eq!(store.stats().await?.documents, 0);
        Ok(())
    })
}

/// A writer waits for another one's lock up to the busy timeout, then fails
/// with a message that says so.
#[test]
fn sqlite_writer_gives_up_on_a_held_lock() -> Result<()> {
    let dir = tempdir("busy");
    let db = dir.join("busy.db");
    let db = db.to_str().expect("path");
    runtime().block_on(async {
        let store = SqlStore::open(db).await?;
        let raw = sqlx_pool(db).await?;
        let mut holder = raw.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("INSERT INTO store_meta (key, value) VALUES ('held', 'yes')")
            .execute(&mut *holder)
            .await?;
        let started = std::time::Instant::now();
        let err = store
            .put_batch(&[doc("b", STORY, "v1", &[])])
            .await
            .expect_err("locked");
        assert!(
            started.elapsed() >= truce_store::BUSY_TIMEOUT / 2,
            "it waited"
        );
        assert!(matches!(err, StoreError::Busy { .. }), "{err}");
        let message = err.to_string();
        assert!(
            message.contains(db) && message.contains("locked"),
            "{message}"
        );
        holder.rollback().await?;
        assert_eq!(
            store.put_batch(&[doc("b", STORY, "v1", &[])]).await?,
            [Put::New]
        );
        Ok(())
    })
}
