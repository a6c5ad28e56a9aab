// lib/onboard: the onboard command: token check, default model, what it writes.
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES ../catalog/sources.java
//SOURCES Keyboard.java
//SOURCES Menu.java
//SOURCES ModelPicker.java
//SOURCES OnboardCommand.java
//SOURCES OnboardSetup.java
//SOURCES OnboardWizard.java
//SOURCES Onboarding.java
