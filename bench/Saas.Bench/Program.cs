Console.WriteLine("Benchmarks: see bench/RESULTS.md");
