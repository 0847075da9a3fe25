import pytest

from easel_runner.sizing import DEFAULT_MAX_PIXELS, DEFAULT_MIN_PIXELS, generation_size


@pytest.mark.parametrize(
    "w,h",
    [(768, 768), (771, 1003), (1024, 1024), (4000, 3000), (200, 100), (1920, 1080), (17, 4000), (8192, 8192)],
)
def test_multiple_of_16_and_within_budget(w, h):
    gw, gh = generation_size(w, h)
    assert gw % 16 == 0 and gh % 16 == 0 and gw >= 16 and gh >= 16
    assert gw * gh <= DEFAULT_MAX_PIXELS
    if w / h < 20 and h / w < 20:  # extreme strips cannot hold the minimum after snapping
        assert gw * gh >= DEFAULT_MIN_PIXELS * 0.9


def test_keeps_native_size_inside_budget():
    assert generation_size(768, 768) == (768, 768)
    assert generation_size(1024, 576) == (1024, 576)


def test_keeps_aspect_ratio():
    for w, h in [(771, 1003), (4000, 3000), (1920, 1080), (300, 200)]:
        gw, gh = generation_size(w, h)
        assert abs(gw / gh - w / h) / (w / h) < 0.05


def test_scales_down_large_and_up_small():
    assert generation_size(4096, 4096) == (1280, 1280)
    assert generation_size(256, 256) == (512, 512)


def test_custom_budget_and_multiple():
    assert generation_size(768, 768, 64 * 64, 64 * 64) == (64, 64)
    assert generation_size(771, 1003, 64 * 64, 64 * 64) == (48, 64)
    gw, gh = generation_size(1000, 1000, 100, 10_000, multiple=32)
    assert gw % 32 == 0 and gw * gh <= 10_000


def test_rejects_bad_input():
    with pytest.raises(ValueError):
        generation_size(0, 10)
    with pytest.raises(ValueError):
        generation_size(10, 10, 100, 50)
