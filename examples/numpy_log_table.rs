//! Writes src/engine/cats/numpy_log_table.in: the arguments r² of the polar method met
//! in the first 500 000 values of numpy's `np.random.seed(1); np.random.randn(…)`
//! where this platform's `ln` (glibc's, as numpy calls it) is not the correctly
//! rounded value, with the difference in units in the last place. Run on Linux with
//! glibc: `cargo run --release --example numpy_log_table`.

use backprop_lab::engine::cats::numpy_log::exact_ln;
use backprop_lab::engine::cats::numpy_random::NumpyRandom;

/// Normal values covered (two per r²).
const VALUES: usize = 500_000;

fn main() -> Result<(), String> {
    let mut rng = NumpyRandom::seed(1);
    let mut rows: Vec<(u64, i64)> = Vec::new();
    for _ in 0..VALUES / 2 {
        let (r2, _, _) = rng.polar();
        let delta = r2.ln().to_bits() as i64 - exact_ln(r2).to_bits() as i64;
        if delta != 0 {
            rows.push((r2.to_bits(), delta));
        }
    }
    rows.sort_unstable();
    rows.dedup();
    let mut text = format!(
        "// {} arguments; written by examples/numpy_log_table.rs\n[\n",
        rows.len()
    );
    for (bits, delta) in &rows {
        text.push_str(&format!("    (0x{bits:016x}, {delta}),\n"));
    }
    text.push_str("]\n");
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/engine/cats/numpy_log_table.in"
    );
    std::fs::write(path, text).map_err(|e| e.to_string())?;
    println!("{} arguments written to {path}", rows.len());
    Ok(())
}
