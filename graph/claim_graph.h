// Placeholder header so the library builds; the claim graph lands with the pipeline.
#pragma once
