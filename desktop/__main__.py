from desktop.launch import entry

entry()
