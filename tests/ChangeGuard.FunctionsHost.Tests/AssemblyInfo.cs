// Each test starts real hosts, each with a worker process; on a shared machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
