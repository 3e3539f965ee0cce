using Polytraders.Silo;

return await SiloCommands.RunAsync(args);
