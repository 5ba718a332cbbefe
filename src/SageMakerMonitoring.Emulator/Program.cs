// Entry point; the host is built in Hosting/.
System.Console.WriteLine("emulator host not built yet");
