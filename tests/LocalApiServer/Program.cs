Console.Error.WriteLine("rightsizer-local-apiserver: not built yet");
return 1;
