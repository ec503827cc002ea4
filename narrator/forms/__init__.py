"""Project self-evaluation forms (`draft --form 项目`) and the scoring rule sets of every form."""
