using Llo.Identity.Api;

IdentityApp.Build(args).Run();
