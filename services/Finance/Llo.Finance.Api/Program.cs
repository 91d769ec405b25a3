using Llo.Finance.Api;

FinanceApp.Build(args).Run();
