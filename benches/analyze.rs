//! Analysis time: a typical 300-character note (to one recipient, as the extension
//! analyses at every keystroke, and to a new recipient each time), pastes from 1 KB to 50 KB to show that
//! time grows linearly with length, and a worst case: one 64 KB sentence of the words
//! the sentence-level detectors react to ("I'm the", "you", "at", "thanks for",
//! "joining"), where a scan per word would be quadratic. `cargo bench --bench analyze`.

/// The CLI's allocator (`src/bin/rapport.rs`), so the figures are what a batch run gets.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rapport::{analyze, Context, Recipient};
use std::hint::black_box;

const NOTE: &str = "Hi Sarah, I enjoyed your talk at RustConf on incremental wasm builds. \
I'm building a linter in Rust and would value your view on caching; happy to share our \
benchmarks in return. What got you into compiler tooling? Either way, thanks for the talk! 🚀";

fn ctx() -> Context {
    Context {
        recipient: Recipient {
            name: Some("Sarah Chen".into()),
            headline: Some("Staff Engineer at Acme | Rust, WebAssembly".into()),
            company: Some("Acme".into()),
        },
        ..Context::default()
    }
}

fn paste(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + NOTE.len());
    while s.len() < bytes {
        s.push_str(NOTE);
        s.push(' ');
    }
    s.truncate(rapport::text::floor_char_boundary(&s, bytes));
    s
}

fn bench(c: &mut Criterion) {
    let ctx = ctx();
    assert!(NOTE.encode_utf16().count() <= 300);
    c.bench_function("note_300_chars", |b| {
        b.iter(|| analyze(black_box(NOTE), &ctx))
    });
    // The same note to a different recipient each time (a batch of templates, not the
    // extension's keystrokes): what the engine keeps of the last recipient never helps.
    let other = Context {
        recipient: Recipient {
            name: Some("Sarah Chan".into()),
            ..ctx.recipient.clone()
        },
        ..ctx.clone()
    };
    let mut turn = false;
    c.bench_function("note_300_chars_new_recipient", |b| {
        b.iter(|| {
            turn = !turn;
            analyze(black_box(NOTE), if turn { &ctx } else { &other })
        })
    });
    let mut group = c.benchmark_group("paste");
    for kb in [1usize, 10, 50] {
        let text = paste(kb * 1024);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{kb}KB")),
            &text,
            |b, t| b.iter(|| analyze(black_box(t), &ctx)),
        );
    }
    group.finish();
    let worst: String =
        "I'm the one you met at Acme, thanks for joining your team at Beta and we were on "
            .repeat(rapport::MAX_ANALYZED_BYTES / 80);
    let mut group = c.benchmark_group("worst_case");
    group.throughput(Throughput::Bytes(worst.len() as u64));
    group.sample_size(20);
    group.bench_function("one_64KB_sentence", |b| {
        b.iter(|| analyze(black_box(&worst), &ctx))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
