// Some tests stop and start the shared test broker; nothing else may run while they do.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
