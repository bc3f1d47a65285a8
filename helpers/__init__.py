"""helpers: the shared module of the "reading the news critically" notebook suite.

The public API is flat: every function a notebook uses is importable from ``helpers``.

>>> from helpers import load_article, sentences
"""

from . import claims
from .analysis import Analysis, analyze, write_analysis
from .article import Article, ArticleError, ArticleNotFoundError, article_from_text, load_article
from .budget import DEFAULT_TIMEOUT, AnalysisTimeout, time_budget
from .charts import (
    frame_profile_chart,
    loaded_density_chart,
    share_of_voice_chart,
    stance_grid,
    stance_heatmap,
    tone_by_voice,
)
from .corpus import CorpusResult, analyze_corpus
from .course import (
    five_questions,
    missing_sections,
    table_of_contents,
    write_navigation,
    write_student_copy,
)
from .evaluation import score_article, score_folder
from .explore import explore
from .framing import (
    FRAMES,
    compare_coding,
    frame_evidence,
    frame_questions,
    frame_scores,
    headline_check,
    headline_sentiment,
    story_arc,
)
from .html import HTML, annotated_terms, annotated_voices, escape, headline_and_lede
from .lexicons import LexiconError, LexiconMissingError
from .loaded import (
    competing_labels,
    find_hedges,
    find_loaded_terms,
    loaded_density,
    loaded_lexicon,
)
from .paths import ARTICLES_DIR, DEFAULT_ARTICLE
from .plots import (
    VOICE_MODES,
    add_patterns,
    connotation_palette,
    describe_figure,
    mode_palette,
    use_house_style,
)
from .quotes import (
    NARRATOR,
    UNKNOWN_SPEAKER,
    cues_by_speaker,
    extract_quotes,
    scare_quotes,
    share_of_voice,
    speakers,
    voices,
)
from .reading import article_metadata, paragraph_stats, sentence_stats, word_frequencies
from .resources import ensure_vader_lexicon, sentence_tokenizer, sentiment_analyzer
from .sentences import sentences, split_sentences
from .sentiment import label, sentiment_by_speaker, sentiment_disagreement, sentiment_units
from .stance import stance_cues, stance_evidence, stance_table, targets
from .summary import report_summary
from .tables import for_students, student_frame
from .text import count_words, normalise_word, stopwords, word_spans
from .web import article_from_html, fetch_article
from .xray import xray_html

__all__ = [
    "five_questions",
    "missing_sections",
    "table_of_contents",
    "write_navigation",
    "write_student_copy",
    "Analysis",
    "FRAMES",
    "analyze",
    "analyze_corpus",
    "AnalysisTimeout",
    "DEFAULT_TIMEOUT",
    "time_budget",
    "CorpusResult",
    "compare_coding",
    "frame_evidence",
    "frame_questions",
    "frame_scores",
    "headline_check",
    "headline_sentiment",
    "story_arc",
    "write_analysis",
    "NARRATOR",
    "VOICE_MODES",
    "add_patterns",
    "describe_figure",
    "connotation_palette",
    "mode_palette",
    "UNKNOWN_SPEAKER",
    "annotated_terms",
    "annotated_voices",
    "competing_labels",
    "find_hedges",
    "find_loaded_terms",
    "loaded_density",
    "loaded_lexicon",
    "cues_by_speaker",
    "extract_quotes",
    "scare_quotes",
    "score_article",
    "score_folder",
    "share_of_voice",
    "speakers",
    "voices",
    "Article",
    "ArticleError",
    "ArticleNotFoundError",
    "LexiconError",
    "LexiconMissingError",
    "ARTICLES_DIR",
    "DEFAULT_ARTICLE",
    "HTML",
    "article_from_text",
    "article_metadata",
    "count_words",
    "ensure_vader_lexicon",
    "escape",
    "headline_and_lede",
    "load_article",
    "normalise_word",
    "paragraph_stats",
    "sentence_stats",
    "sentence_tokenizer",
    "sentences",
    "sentiment_by_speaker",
    "sentiment_disagreement",
    "sentiment_units",
    "label",
    "stance_cues",
    "stance_evidence",
    "stance_table",
    "targets",
    "sentiment_analyzer",
    "split_sentences",
    "stopwords",
    "use_house_style",
    "word_frequencies",
    "word_spans",
    "article_from_html",
    "fetch_article",
    "xray_html",
    "explore",
    "claims",
    "for_students",
    "student_frame",
    "share_of_voice_chart",
    "stance_grid",
    "stance_heatmap",
    "tone_by_voice",
    "loaded_density_chart",
    "frame_profile_chart",
    "report_summary",
]
