#include "graph/claim_graph.h"
