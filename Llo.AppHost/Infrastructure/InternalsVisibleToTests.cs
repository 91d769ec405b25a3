// The infrastructure tests check the state-directory and pid-file rules without starting an app host.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Llo.Infrastructure.Tests")]
