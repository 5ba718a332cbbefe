using System;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// Deterministic smooth noise of time: value noise (hashed lattice values in [-1, 1], smoothstep
    /// interpolation) summed over three octaves. The same seed and time always give the same value, so seeded
    /// metrics are reproducible and need no stored random state.
    /// </summary>
    internal readonly struct SmoothNoise
    {
        private readonly ulong _seed;

        public SmoothNoise(ulong seed) => _seed = seed;

        public static SmoothNoise For(int randomSeed, string key)
        {
            var hash = 14695981039346656037UL ^ (ulong)(uint)randomSeed;
            foreach (var c in key)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }
            return new SmoothNoise(Mix(hash));
        }

        /// <summary>One octave: smooth between lattice points <paramref name="scale"/> seconds apart. Range [-1, 1].</summary>
        public double At(double x, double scale)
        {
            var u = x / scale;
            var k = (long)Math.Floor(u);
            var f = u - k;
            var a = Lattice(k);
            var b = Lattice(k + 1);
            var w = f * f * (3 - 2 * f);
            return a + (b - a) * w;
        }

        /// <summary>Three octaves (scale, scale/5, scale/25) weighted 0.6/0.3/0.1. Range [-1, 1].</summary>
        public double Octaves(double x, double scale) =>
            0.6 * At(x, scale) + 0.3 * At(x + 1000.5, scale / 5) + 0.1 * At(x + 2000.25, scale / 25);

        private double Lattice(long k)
        {
            var h = Mix(_seed ^ (ulong)k * 0x9E3779B97F4A7C15UL);
            return (h >> 11) * (2.0 / (1UL << 53)) - 1.0;
        }

        private static ulong Mix(ulong z)
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
