"""The municipal policy and licence register: rules per business type as versioned, cited data files, national
aggregates from the 2021 survey, and the cross-analysis of online supply against local (or uniform) rules."""

from zicht.register.aggregates import NationalAggregates, national_aggregates
from zicht.register.compare import Change, compare
from zicht.register.cross import (
    Cell,
    CrossRow,
    cross_analysis,
    cross_analysis_uniform,
    population_from_reference,
)
from zicht.register.loader import (
    Problem,
    Register,
    check_register,
    load_register,
    load_uniform,
    verify_citations,
)
from zicht.register.schema import BUSINESS_TYPES, STATUSES, Municipality, UniformRuleSet

__all__ = [
    "BUSINESS_TYPES",
    "STATUSES",
    "Cell",
    "Change",
    "CrossRow",
    "Municipality",
    "NationalAggregates",
    "Problem",
    "Register",
    "UniformRuleSet",
    "check_register",
    "compare",
    "cross_analysis",
    "cross_analysis_uniform",
    "load_register",
    "load_uniform",
    "national_aggregates",
    "population_from_reference",
    "verify_citations",
]
