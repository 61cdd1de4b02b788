//! numpy's legacy generator (`np.random.seed`, `np.random.randn`), reimplemented so
//! that the course's initialisation gives the course's weights bit for bit.
//!
//! - `seed(s)` with an integer s: MT19937's `init_genrand`,
//!   key₀ = s, keyᵢ = 1812433253·(keyᵢ₋₁ ⊕ (keyᵢ₋₁ >> 30)) + i (mod 2³²).
//! - a double: ((a >> 5)·2²⁶ + (b >> 6)) / 2⁵³ from two 32-bit outputs a, b.
//! - a normal: Marsaglia's polar method, x₁, x₂ = 2u − 1 until 0 < r² = x₁² + x₂² < 1,
//!   f = √(−2 ln r² / r²); returns f·x₂ and keeps f·x₁ for the next call; ln as
//!   numpy computes it with glibc (see [`super::numpy_log`]).
//! - `randn(r, c)` fills an r × c matrix row by row.

use super::numpy_log::numpy_ln;

/// MT19937's state size in 32-bit words.
const N: usize = 624;
/// MT19937's middle distance.
const M: usize = 397;

/// The state of `np.random.RandomState` (MT19937 and the cached normal).
#[derive(Clone, Debug)]
pub struct NumpyRandom {
    key: [u32; N],
    pos: usize,
    gauss: Option<f64>,
}

impl NumpyRandom {
    /// The state after `np.random.seed(seed)`.
    pub fn seed(seed: u32) -> NumpyRandom {
        let mut key = [0u32; N];
        key[0] = seed;
        for i in 1..N {
            let prev = key[i - 1];
            key[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        NumpyRandom {
            key,
            pos: N,
            gauss: None,
        }
    }

    /// Regenerates the 624 words (the reference `genrand_int32`'s refill).
    fn refill(&mut self) {
        let twist = |a: u32, b: u32, c: u32| -> u32 {
            let y = (a & 0x8000_0000) | (b & 0x7fff_ffff);
            c ^ (y >> 1) ^ if y & 1 == 1 { 0x9908_b0df } else { 0 }
        };
        for i in 0..N {
            let (b, c) = (self.key[(i + 1) % N], self.key[(i + M) % N]);
            self.key[i] = twist(self.key[i], b, c);
        }
        self.pos = 0;
    }

    /// The next 32-bit output, tempered.
    pub fn next_u32(&mut self) -> u32 {
        if self.pos >= N {
            self.refill();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Uniform in [0, 1) with 53 random bits (`np.random.random_sample()`).
    pub fn next_double(&mut self) -> f64 {
        let a = f64::from(self.next_u32() >> 5);
        let b = f64::from(self.next_u32() >> 6);
        (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// The next r² = x₁² + x₂² in (0, 1) of the polar method, and x₁, x₂.
    pub fn polar(&mut self) -> (f64, f64, f64) {
        loop {
            let x1 = 2.0 * self.next_double() - 1.0;
            let x2 = 2.0 * self.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                return (r2, x1, x2);
            }
        }
    }

    /// One standard normal value (`np.random.randn()`), by the polar method.
    pub fn gauss(&mut self) -> f64 {
        if let Some(cached) = self.gauss.take() {
            return cached;
        }
        let (r2, x1, x2) = self.polar();
        let f = (-2.0 * numpy_ln(r2) / r2).sqrt();
        self.gauss = Some(f * x1);
        f * x2
    }

    /// `np.random.randn(rows, cols)`: rows·cols normal values, row-major.
    pub fn randn(&mut self, rows: usize, cols: usize) -> Vec<f64> {
        (0..rows * cols).map(|_| self.gauss()).collect()
    }
}

// In wasm these run under wasm-bindgen-test (the page's own ln and sqrt):
// `cargo test --target wasm32-unknown-unknown --lib` with the runner set.
#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_first_outputs_are_the_reference_implementations() {
        // mt19937ar.c's init_genrand(5489) (the C++ std::mt19937 default) gives
        // 3499211612 first, and 4123659995 as its 10000th output.
        let mut mt = NumpyRandom::seed(5489);
        assert_eq!(mt.next_u32(), 3_499_211_612);
        let mut last = 0;
        for _ in 1..10_000 {
            last = mt.next_u32();
        }
        assert_eq!(last, 4_123_659_995);
    }

    /// The committed fixture: sections "# seed S count N", then "bits repr" lines.
    fn fixture() -> Vec<(u32, Vec<u64>)> {
        let text = include_str!("../../../tests/fixtures/numpy-randn.txt");
        let mut sections: Vec<(u32, Vec<u64>)> = Vec::new();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("# seed ") {
                let seed = rest.split(' ').next().and_then(|s| s.parse().ok());
                sections.push((seed.expect("a seed"), Vec::new()));
            } else if line.starts_with('#') {
                continue; // the header, the hash
            } else if let (Some(bits), Some(last)) = (line.split(' ').next(), sections.last_mut()) {
                last.1
                    .push(u64::from_str_radix(bits, 16).expect("hex bits"));
            }
        }
        sections
    }

    #[test]
    fn randn_gives_numpys_numbers_bit_for_bit() {
        let mut first = NumpyRandom::seed(1);
        let published = [
            1.6243453636632417,
            -0.6117564136500754,
            -0.5281717522634557,
            -1.0729686221561705,
        ];
        assert_eq!(first.randn(1, 4), published);
        let sections = fixture();
        assert_eq!(sections.len(), 3);
        assert_eq!(sections[0].1.len(), 4001);
        for (seed, bits) in sections {
            // Drawn in two calls, split at an odd count: the cached value carries over.
            let mut rng = NumpyRandom::seed(seed);
            let mut ours = rng.randn(1, 7);
            ours.extend(rng.randn(bits.len() - 7, 1));
            for (i, (v, b)) in ours.iter().zip(&bits).enumerate() {
                assert_eq!(
                    v.to_bits(),
                    *b,
                    "seed {seed}, value {i}: {v} vs {}",
                    f64::from_bits(*b)
                );
            }
        }
    }

    #[test]
    fn half_a_million_values_after_seed_1_are_numpys_bit_for_bit() {
        // Every value the course's initialisations draw (up to 40 first-layer units):
        // the FNV-1a hash of their little-endian bytes, as numpy computed it.
        let text = include_str!("../../../tests/fixtures/numpy-randn.txt");
        let line = text
            .lines()
            .find(|l| l.starts_with("# fnv1a seed 1 count 500000 "));
        let hash = line
            .and_then(|l| l.rsplit(' ').next())
            .map(|h| u64::from_str_radix(h, 16));
        let mut rng = NumpyRandom::seed(1);
        let mut ours: u64 = 0xcbf2_9ce4_8422_2325;
        for v in rng.randn(500_000, 1) {
            for byte in v.to_le_bytes() {
                ours = (ours ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        assert_eq!(hash, Some(Ok(ours)));
    }
}
