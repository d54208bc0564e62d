"""Learn the house style from past reports: formulas, sentence templates and collocations (jieba)."""
