using Llo.Matching.Api;

MatchingApp.Build(args).Run();
