print("armdocgen")
